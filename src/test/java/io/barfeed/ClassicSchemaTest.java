package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/**
 * The README's classic-schema settings (profile "classic" in application.yaml) against a database
 * created with the classic tutorial layout, which barfeed must leave exactly as it is.
 */
@ActiveProfiles("classic")
class ClassicSchemaTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = classicDatabase();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        // Far enough back that a day's revisit window before the stored bars is not cut at the backfill start.
        registry.add("barfeed.fetch.backfill-start", () -> "2023-12-01");
    }

    @BeforeEach
    void onlyTheSeededBar() {
        API.reset();
        jdbc.update("DELETE FROM stock_price WHERE NOT (stock_id = 1 AND dt = '2024-01-02 14:30:00')");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void classicSettingsLoadIntoAnUntouchedClassicSchema() {
        // AAPL already has a bar stored at 14:30 UTC (naive); MSFT has none and starts at the backfill start.
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

        assertThat(summary.line())
                .matches("barfeed run \\d+ finished: symbols=2 bars=3 failed=0 requests=1 seconds=.*");
        assertThat(jdbc.queryForList("""
                SELECT concat_ws(' ', s.symbol, to_char(p.dt, 'YYYY-MM-DD HH24:MI:SS'), p.open, p.high, p.low, p.close,
                                 p.volume)
                FROM stock_price p JOIN stock s ON s.id = p.stock_id ORDER BY s.symbol, p.dt""", String.class))
                .containsExactly(
                        "AAPL 2024-01-02 14:30:00 187.15 187.50 186.90 187.20 1118",
                        "AAPL 2024-01-02 14:45:00 187.20 188.00 187.10 187.90 2000",
                        "MSFT 2024-01-02 14:30:00 12345.67 12350.00 12340.00 12349.99 300");
        // Sorted by start, one request starts at the earliest: MSFT's backfill start.
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("symbols", equalTo("MSFT,AAPL"))
                                .withQueryParam("start", equalTo("2023-12-01T00:00:00Z")));
        assertThat(jdbc.queryForList(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
                        String.class))
                .containsExactly("etf_holding", "stock", "stock_price");
    }

    @Test
    void naiveSinceIsReadAsUtc() {
        jdbc.update("INSERT INTO stock_price VALUES (2, '2024-01-02 14:30:00', 1, 1, 1, 1, 1)");
        API.page(null, new PageBuilder().build(null));

        run();

        // MSFT's and AAPL's newest dt is 14:30 (naive, UTC): the next request starts a day (the revisit) before.
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("start", equalTo("2024-01-01T14:30:00Z")));
    }

    /** The classic tutorial layout, with its numeric(6,2)-free prices and naive timestamps. */
    static String classicDatabase() {
        String url = TestPostgres.newDatabase("classic");
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("""
                    CREATE TABLE stock (id serial PRIMARY KEY, symbol text UNIQUE NOT NULL, name text, exchange text,
                        is_etf bool);
                    CREATE TABLE etf_holding (etf_id int, holding_id int, dt date, shares numeric, weight numeric);
                    CREATE TABLE stock_price (stock_id int NOT NULL REFERENCES stock (id),
                        dt timestamp without time zone NOT NULL,
                        open numeric NOT NULL, high numeric NOT NULL, low numeric NOT NULL, close numeric NOT NULL,
                        volume numeric NOT NULL, PRIMARY KEY (stock_id, dt));
                    INSERT INTO stock (symbol, is_etf) VALUES ('AAPL', false), ('MSFT', false), ('QQQ', true);
                    INSERT INTO etf_holding (etf_id, holding_id, dt) VALUES (3, 1, '2024-01-01'), (3, 2, '2024-01-01');
                    INSERT INTO stock_price VALUES (1, '2024-01-02 14:30:00', 187.15, 187.50, 186.90, 187.20, 1118);
                    """);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url;
    }
}
