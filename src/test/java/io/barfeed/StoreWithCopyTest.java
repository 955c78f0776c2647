package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two store paths, as shipped: new bars (after their symbol's newest stored bar) go in with COPY, bars at or
 * before it through the insert, COPY is never refused, and both leave exactly the same rows. A statement trigger on
 * bar records which kind of statement wrote each batch (a COPY that failed writes nothing and fires nothing).
 */
class StoreWithCopyTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("copy");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-01-02");
        registry.add("barfeed.fetch.until", () -> "2024-01-10T00:00:00Z");
        registry.add("barfeed.alpaca.page-limit", () -> "100");
        registry.add("barfeed.store.batch-size", () -> "40");
    }

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void universeAndStatementLog() {
        Universe.only(jdbc, "ETF", "AAA", "BBB", "CCC");
        StatementLog.install(jdbc, "bar");
    }

    @Test
    void newBarsGoInWithCopyAndBarsAlreadyStoredThroughTheInsertAlike() {
        RunSummary first = run();

        assertThat(first.failed()).isZero();
        long bars = count("SELECT count(*) FROM bar");
        assertThat(bars).isGreaterThan(400).isEqualTo(first.bars());
        assertThat(statements()).containsOnly("COPY").hasSizeGreaterThan(3);

        // Keep what COPY stored, then leave only each symbol's first bar: the next run starts there; that bar goes
        // through the insert, the others are new.
        jdbc.execute("""
                DROP TABLE IF EXISTS copied;
                CREATE TABLE copied AS SELECT * FROM bar;
                DELETE FROM bar b WHERE ts > (SELECT min(ts) FROM bar f WHERE f.symbol = b.symbol)""");
        StatementLog.clear(jdbc);
        assertThat(count("SELECT count(*) FROM bar")).isEqualTo(3);

        RunSummary second = run();

        assertThat(second.failed()).isZero();
        assertThat(statements()).startsWith("INSERT").contains("COPY");
        assertThat(meters.get("barfeed.copy.refused").counter().count())
                .as("COPYs refused")
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT * FROM bar EXCEPT SELECT * FROM copied) d"))
                .isZero();
        assertThat(count("SELECT count(*) FROM (SELECT * FROM copied EXCEPT SELECT * FROM bar) d"))
                .isZero();
    }

    private List<String> statements() {
        return StatementLog.kinds(jdbc);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
