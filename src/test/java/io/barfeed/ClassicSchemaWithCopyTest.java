package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The classic profile as shipped (COPY for new bars): new bars go into the naive {@code dt} as their UTC wall-clock
 * time, as the insert writes them, and a bar at or before a symbol's newest stored one takes the insert. A statement
 * trigger records which statement wrote (a COPY refused for a conflict writes nothing).
 */
@ActiveProfiles("classic")
class ClassicSchemaWithCopyTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = ClassicSchemaTest.classicDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
    }

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void theSeededBarAndAStatementLog() {
        API.reset();
        jdbc.execute("""
                DELETE FROM stock_price WHERE NOT (stock_id = 1 AND dt = '2024-01-02 14:30:00');
                INSERT INTO stock_price VALUES (1, '2024-01-02 14:30:00', 187.15, 187.50, 186.90, 187.20, 1118)
                  ON CONFLICT DO NOTHING;""");
        StatementLog.install(jdbc, "stock_price");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void newBarsGoInWithCopyAsUtcWallClockTime() {
        jdbc.execute("TRUNCATE stock_price");
        API.page(
                null,
                new PageBuilder()
                        .add(
                                "AAPL",
                                bar("2024-01-02T23:45:00Z", "187.15", "187.50", "186.90", "187.20", 1118, 65, "187.2"))
                        .add(
                                "MSFT",
                                bar(
                                        "2024-01-03T00:00:00.5Z",
                                        "12345.67",
                                        "12350.00",
                                        "12340.00",
                                        "12349.99",
                                        300,
                                        9,
                                        "12346"))
                        .build(null));

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(statements()).containsExactly("COPY");
        assertThat(storedPrices())
                .containsExactly(
                        "AAPL 2024-01-02 23:45:00.000 187.15 187.50 186.90 187.20 1118",
                        "MSFT 2024-01-03 00:00:00.500 12345.67 12350.00 12340.00 12349.99 300");
    }

    @Test
    void theNewestStoredBarTakesTheInsertAndTheNewOnesCopy() {
        // AAPL 14:30 is stored already: the insert writes it again (DO UPDATE), COPY the bars after it.
        API.page(
                null,
                new PageBuilder()
                        .add(
                                "AAPL",
                                bar("2024-01-02T14:30:00Z", "187.15", "187.50", "186.90", "187.20", 1118, 65, "187.2"))
                        .add(
                                "AAPL",
                                bar("2024-01-02T14:45:00Z", "187.20", "188.00", "187.10", "187.90", 2000, 80, "187.6"))
                        .add(
                                "MSFT",
                                bar(
                                        "2024-01-02T14:30:00Z",
                                        "12345.67",
                                        "12350.00",
                                        "12340.00",
                                        "12349.99",
                                        300,
                                        9,
                                        "12346"))
                        .build(null));

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(statements()).containsExactly("INSERT", "COPY");
        assertThat(meters.get("barfeed.copy.refused").counter().count())
                .as("COPYs refused")
                .isZero();
        assertThat(storedPrices())
                .containsExactly(
                        "AAPL 2024-01-02 14:30:00.000 187.15 187.50 186.90 187.20 1118",
                        "AAPL 2024-01-02 14:45:00.000 187.20 188.00 187.10 187.90 2000",
                        "MSFT 2024-01-02 14:30:00.000 12345.67 12350.00 12340.00 12349.99 300");
    }

    private List<String> statements() {
        return StatementLog.kinds(jdbc);
    }

    private List<String> storedPrices() {
        return jdbc.queryForList("""
                SELECT concat_ws(' ', s.symbol, to_char(p.dt, 'YYYY-MM-DD HH24:MI:SS.MS'), p.open, p.high, p.low,
                                 p.close, p.volume)
                FROM stock_price p JOIN stock s ON s.id = p.stock_id ORDER BY s.symbol, p.dt""", String.class);
    }
}
