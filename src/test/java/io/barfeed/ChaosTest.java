package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;
import io.barfeed.simulator.Faults;

/**
 * The built-in simulator with every fault knob turned up (429s with rate-limit headers, 500s,
 * connection resets, answers slower than the timeout, pages cut short): runs repeat until one ends
 * with nothing in barfeed.failure, and the bars table must then hold exactly the market's bars.
 * The same knobs reproduce this from the command line (docs/failure-handling.md, "A chaos run from the command line").
 */
class ChaosTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("chaos");
    static final List<String> SYMBOLS =
            List.of("AAPL", "AMZN", "BRK.B", "GOOG", "JPM", "META", "MSFT", "NVDA", "TSLA", "UNH", "V", "XOM");
    static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-03-08T21:00:00Z");
    static final int MAX_RUNS = 15;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        // With seed 10 the random draw serves every kind of fault within the first 11 requests.
        registry.add("barfeed.simulator.faults.seed", () -> "10");
        registry.add("barfeed.simulator.faults.rate-limited", () -> "0.05");
        registry.add("barfeed.simulator.faults.server-error", () -> "0.12");
        registry.add("barfeed.simulator.faults.connection-reset", () -> "0.08");
        registry.add("barfeed.simulator.faults.slow", () -> "0.05");
        registry.add("barfeed.simulator.faults.garbage", () -> "0.10");
        registry.add("barfeed.simulator.faults.slow-delay", () -> "1s");
        registry.add("barfeed.fetch.response-timeout", () -> "300ms");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", () -> START.toString());
        registry.add("barfeed.fetch.until", () -> UNTIL.toString());
        registry.add("barfeed.alpaca.page-limit", () -> "50");
        registry.add("barfeed.fetch.symbols-per-request", () -> "3");
        registry.add("barfeed.fetch.retries", () -> "2");
        registry.add("barfeed.fetch.retry-delay", () -> "10ms");
        registry.add("barfeed.fetch.rate-limit-jitter", () -> "100ms");
    }

    @Autowired
    ApiSimulator simulator;

    @Test
    void runsConvergeToExactlyTheMarketsBarsWhateverTheApiDoes() {
        Universe.etf(jdbc, "ETF", SYMBOLS.toArray(String[]::new));

        List<String> runs = new ArrayList<>();
        RunSummary last;
        do {
            last = run();
            runs.add(last.line() + " failures=" + failureRows(last));
        } while (failureRows(last) > 0 && runs.size() < MAX_RUNS);

        Map<Faults.Kind, Long> faults = simulator.faultsServed();
        System.out.printf(
                "chaos: %d runs, %d requests, faults survived %s%n  %s%n",
                runs.size(), simulator.requests(), faults, String.join("\n  ", runs));
        assertThat(failureRows(last))
                .as("the last run's failures, after %s", runs)
                .isZero();
        assertThat(faults.values()).allMatch(n -> n > 0);
        assertThat(MarketBars.stored(jdbc)).containsExactlyElementsOf(MarketBars.of(SYMBOLS, "15Min", START, UNTIL));
    }

    private int failureRows(RunSummary run) {
        return jdbc.queryForObject("SELECT count(*) FROM barfeed.failure WHERE run_id = ?", Integer.class, run.runId());
    }
}
