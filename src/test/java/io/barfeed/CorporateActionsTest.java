package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;

/**
 * With raw bars (the default), splits go to the ledger barfeed.corporate_action, and the view bar_split_adjusted
 * shows the stored bars exactly as the API answers with adjustment=split: NVDA's 10-for-1 of June 2024 divides its
 * earlier prices and multiplies its volumes; JNJ, with no split, is shown as stored.
 */
class CorporateActionsTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("actions");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.backfill-start", () -> SplitBars.START);
        registry.add("barfeed.fetch.until", () -> SplitBars.UNTIL);
    }

    @Autowired
    ApiSimulator simulator;

    @Test
    void theSplitAdjustedViewMatchesTheApisSplitAdjustedBars() throws Exception {
        Universe.anew(jdbc, "ETF", "JNJ", "NVDA");

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT concat_ws(' ', provider, type, symbol, ex_date, old_rate, new_rate, first_seen_run)"
                                + " FROM barfeed.corporate_action",
                        String.class))
                .containsExactly("alpaca forward_split NVDA 2024-06-10 1 10 " + summary.runId());
        assertThat(SplitBars.fromTable(jdbc, "bar", "NVDA"))
                .as("raw bars, as stored")
                .isEqualTo(SplitBars.fromApi(simulator.baseUrl(), "NVDA", "raw"))
                .hasSize(10);
        assertThat(SplitBars.fromTable(jdbc, "bar_split_adjusted", "NVDA"))
                .isEqualTo(SplitBars.fromApi(simulator.baseUrl(), "NVDA", "split"))
                .isNotEqualTo(SplitBars.fromTable(jdbc, "bar", "NVDA"));
        assertThat(SplitBars.fromTable(jdbc, "bar_split_adjusted", "JNJ"))
                .isEqualTo(SplitBars.fromTable(jdbc, "bar", "JNJ"));
    }

    @Test
    void aSecondRunRecordsEachActionOnceAndKeepsTheLedgersStart() {
        Universe.anew(jdbc, "ETF", "NVDA");
        run();
        long requestsBefore = simulator.requests();

        RunSummary second = run();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM barfeed.corporate_action", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT covered_from || ' ' || covered_to FROM barfeed.action_coverage WHERE symbol = 'NVDA'",
                        String.class))
                .startsWith(SplitBars.START + " ");
        assertThat(second.requests()).isEqualTo(simulator.requests() - requestsBefore);
    }

    /**
     * The lookback (barfeed.alpaca.corporate-actions.lookback, 7 days) seen from the ledger: with the ledger's end
     * moved to a week after NVDA's split (ex-date 2024-06-10) and the split forgotten, the next run finds it again;
     * a day later it lies before the lookback and is not asked for.
     */
    @Test
    void theLookbackReachesExactlySevenDaysBeforeTheLedgersEnd() {
        Universe.anew(jdbc, "ETF", "NVDA");
        run();

        assertThat(forgetTheSplitAndCoverTo("2024-06-17"))
                .as("actions after a run from 2024-06-10")
                .containsExactly("forward_split NVDA 2024-06-10");
        assertThat(forgetTheSplitAndCoverTo("2024-06-18"))
                .as("actions after a run from 2024-06-11")
                .isEmpty();
    }

    /** The ledger without NVDA's split, covered up to {@code coveredTo}; then a run, and the actions it recorded. */
    private List<String> forgetTheSplitAndCoverTo(String coveredTo) {
        jdbc.update("DELETE FROM barfeed.corporate_action WHERE symbol = 'NVDA'");
        jdbc.update("UPDATE barfeed.action_coverage SET covered_to = ?::date WHERE symbol = 'NVDA'", coveredTo);
        RunSummary summary = run();
        return jdbc.queryForList(
                "SELECT concat_ws(' ', type, symbol, ex_date) FROM barfeed.corporate_action WHERE first_seen_run = ?",
                String.class,
                summary.runId());
    }
}
