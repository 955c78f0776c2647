package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;

/**
 * barfeed.provider=massive on the built-in simulator's Massive aggregates: one ticker a request, pages joined by
 * next_url, raw bars (adjusted=false) of the same market Alpaca's endpoint serves, so the table is the same.
 */
class MassiveSimulatorTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("massive_sim");
    // Around NVDA's 10-for-1 split of 2024-06-10: adjusted bars before it would differ from the raw ones.
    static final Instant START = Instant.parse("2024-06-06T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-06-11T21:00:00Z");
    static final List<String> LISTED = List.of("AAPL", "BRK.B", "NVDA");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.provider", () -> "massive");
        registry.add("barfeed.simulator.unknown-symbols", () -> "ZZZZ");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", () -> START.toString());
        registry.add("barfeed.fetch.until", () -> UNTIL.toString());
        // 4 sessions of 26 bars: 3 pages a ticker.
        registry.add("barfeed.massive.page-limit", () -> "50");
        registry.add("barfeed.massive.requests-per-minute", () -> "60000");
    }

    @Autowired
    ApiSimulator simulator;

    @Test
    void loadsTheMarketsRawBarsTickerByTickerPageByPage() {
        Universe.only(jdbc, "ETF", "AAPL", "BRK.B", "NVDA", "ZZZZ");

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(MarketBars.stored(jdbc)).containsExactlyElementsOf(MarketBars.of(LISTED, "15Min", START, UNTIL));
        // 3 pages for each listed ticker, 1 for the unknown one, which answers no results.
        assertThat(simulator.requests()).isEqualTo(10);
        assertThat(summary.line()).contains("symbols=4 bars=312 failed=0 requests=10 ");
    }
}
