package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A universe query that gives no {@code since} leaves barfeed no way to tell new bars from stored ones: every bar
 * goes to COPY, which is refused for a batch holding a stored bar; the insert then writes it, nothing is lost or
 * doubled, and the refusal is counted (barfeed_copy_refused_total).
 */
class CopyRefusedTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("copy_refused");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.universe.query", () -> "SELECT id AS stock_id, symbol FROM stock WHERE NOT is_etf");
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-01-02");
        registry.add("barfeed.fetch.until", () -> "2024-02-01T00:00:00Z");
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aBatchCopyIsRefusedForIsWrittenByTheInsert() {
        Universe.only(jdbc, "ETF", "AAA", "BBB");
        RunSummary first = run();
        long stored = jdbc.queryForObject("SELECT count(*) FROM bar", Long.class);

        RunSummary second = run();

        assertThat(first.failed()).isZero();
        assertThat(second.failed()).isZero();
        assertThat(stored).isEqualTo(first.bars()).isEqualTo(second.bars()).isGreaterThan(30);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar", Long.class)).isEqualTo(stored);
        assertThat(meters.get("barfeed.copy.refused").counter().count())
                .as("COPYs refused: the second run's only batch")
                .isEqualTo(1);
    }
}
