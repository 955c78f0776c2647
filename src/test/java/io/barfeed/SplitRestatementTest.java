package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;
import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.SimulatedMarket.Frame;

/**
 * With adjusted bars (barfeed.alpaca.adjustment: split), bars stored before a split was known are stale once it
 * is: the run that reads the new split asks for the symbol's stored range again, so the series does not jump.
 */
class SplitRestatementTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("restatement");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.alpaca.adjustment", () -> "split");
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.backfill-start", () -> SplitBars.START);
        registry.add("barfeed.fetch.until", () -> SplitBars.UNTIL);
    }

    @Autowired
    ApiSimulator simulator;

    @Test
    void barsStoredBeforeANewSplitAreFetchedAgainAdjustedInTheSameRun() throws Exception {
        Universe.only(jdbc, "ETF", "NVDA");
        storeTheFirstWeekAsItWasBeforeTheSplit();

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(SplitBars.fromTable(jdbc, "bar", "NVDA"))
                .isEqualTo(SplitBars.fromApi(simulator.baseUrl(), "NVDA", "split"))
                .hasSize(10);
        assertThat(jdbc.queryForList(
                        "SELECT stage || ' ' || timeframe || ' ' || state FROM barfeed.failure WHERE run_id = ?",
                        String.class,
                        summary.runId()))
                .containsExactly("restate 1Day resolved");
    }

    /** NVDA's bars of 3 to 7 June 2024, unadjusted: what a run of that week stored, before the split was known. */
    private void storeTheFirstWeekAsItWasBeforeTheSplit() {
        for (SimulatedMarket.Bar bar : new SimulatedMarket(java.util.Set.of())
                .bars(
                        "NVDA",
                        Frame.parse("1Day"),
                        java.time.Instant.parse("2024-06-03T00:00:00Z"),
                        java.time.Instant.parse("2024-06-08T00:00:00Z"),
                        100)) {
            jdbc.update(
                    "INSERT INTO bar VALUES ('NVDA', '1Day', ?, 1, ?, ?, ?, ?, ?, ?, ?)",
                    java.sql.Timestamp.from(bar.t()),
                    bar.o(),
                    bar.h(),
                    bar.l(),
                    bar.c(),
                    bar.v(),
                    bar.n(),
                    bar.vw());
        }
        assertThat(jdbc.queryForObject("SELECT max(close) FROM bar", BigDecimal.class))
                .as("pre-split prices")
                .isGreaterThan(BigDecimal.valueOf(100));
    }
}
