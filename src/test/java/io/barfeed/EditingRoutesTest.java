package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/**
 * Each edit of docs/routes.md's "Editing routes" guide, applied to a copy of application.yaml and
 * routes/ exactly as written there, picked up by the app with no Java change.
 */
class EditingRoutesTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("editing");
    static final JdbcTemplate JDBC = new JdbcTemplate(new DriverManagerDataSource(DATABASE));

    @TempDir
    Path dir;

    @BeforeEach
    void freshDatabase() {
        API.reset();
        JDBC.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS barfeed CASCADE");
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(okJson(new PageBuilder()
                                .add("AAA", bar("2024-01-02T14:30:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                .add("AAA", bar("2024-01-02T14:45:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                .add("AAA", bar("2024-01-02T15:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                .add("BBB", bar("2024-01-02T14:30:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                .add("BBB", bar("2024-01-02T14:45:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                .build(null))));
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void changingTheSchedule() {
        AppFromCopy copy = new AppFromCopy(dir)
                .edit("application.yaml", "cron: \"0 */15 * ? * MON-FRI\"", "cron: \"*/2 * * * * ?\"");

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl())) {
            universe("ETF", "AAA", "BBB");
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> count("SELECT count(*) FROM barfeed.run WHERE status = 'succeeded'") >= 2);
        }
    }

    @Test
    void restrictingTheUniverse() {
        AppFromCopy copy = new AppFromCopy(dir)
                .edit(
                        "application.yaml",
                        "WHERE s.id IN (SELECT holding_id FROM etf_holding)",
                        "WHERE s.id IN (SELECT h.holding_id FROM etf_holding h JOIN stock e ON e.id = h.etf_id"
                                + " WHERE e.symbol = 'QQQ')");

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl())) {
            universe("QQQ", "AAA");
            universe("DIA", "BBB");
            RunSummary summary = run(app);

            assertThat(summary.symbols()).isEqualTo(1);
            API.server()
                    .verify(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)).withQueryParam("symbols", equalTo("AAA")));
        }
    }

    @Test
    void changingBatchSizeAndParallelism() {
        AppFromCopy copy = new AppFromCopy(dir)
                .edit("application.yaml", "batch-size: 5000", "batch-size: 2")
                .edit("application.yaml", "parallelism: 6", "parallelism: 1");

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl())) {
            universe("ETF", "AAA", "BBB");
            run(app);

            CamelContext camel = app.getBean(CamelContext.class);
            ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
            assertThat(managed.getManagedRoute("store-batch").getExchangesCompleted())
                    .as("5 bars in batches of 2, in 2 timeframes")
                    .isEqualTo(6);
            assertThat(camel.getExecutorServiceManager()
                            .getThreadPoolProfile("fetchPool")
                            .getMaxPoolSize())
                    .isEqualTo(1);
        }
    }

    @Test
    void addingATimeframe() {
        AppFromCopy copy = new AppFromCopy(dir)
                .edit("application.yaml", "timeframes: [15Min, 1Day]", "timeframes: [15Min, 1Day, 1Hour]");

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl())) {
            universe("ETF", "AAA", "BBB");
            run(app);

            assertThat(count("SELECT count(*) FROM bar WHERE timeframe = '1Hour'"))
                    .isEqualTo(5);
            API.server()
                    .verify(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                            .withQueryParam("timeframe", equalTo("1Hour")));
        }
    }

    @Test
    void pointingTheInsertAtAnotherTable() {
        AppFromCopy copy = new AppFromCopy(dir)
                .edit("application.yaml", "INSERT INTO bar (", "INSERT INTO my_bars (")
                .edit(
                        "application.yaml",
                        "WHERE (bar.open, bar.high, bar.low, bar.close, bar.volume, bar.trade_count, bar.vwap)",
                        "WHERE (my_bars.open, my_bars.high, my_bars.low, my_bars.close, my_bars.volume,"
                                + " my_bars.trade_count, my_bars.vwap)");
        // The new table must exist before barfeed starts: it checks the statement against the database.
        new AppFromCopy(dir.resolve("plain")).start(DATABASE, API.baseUrl()).close();
        JDBC.execute("CREATE TABLE my_bars (LIKE bar INCLUDING ALL)");

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl())) {
            universe("ETF", "AAA", "BBB");
            run(app);

            assertThat(count("SELECT count(*) FROM my_bars")).isEqualTo(10);
            assertThat(count("SELECT count(*) FROM bar")).isZero();
        }
    }

    @Test
    void editingARouteFileWhileTheAppRuns() throws Exception {
        AppFromCopy copy = new AppFromCopy(dir);

        try (ConfigurableApplicationContext app = copy.start(DATABASE, API.baseUrl(), "--barfeed.routes.reload=true")) {
            universe("ETF", "AAA", "BBB");
            assertThat(count("SELECT count(*) FROM barfeed.run")).isZero();
            CamelContext camel = app.getBean(CamelContext.class);
            Route schedule = camel.getRoute("schedule");
            Map<String, Route> others = camel.getRoutes().stream()
                    .filter(r -> !r.getRouteId().equals("schedule"))
                    .collect(Collectors.toMap(Route::getRouteId, r -> r));
            Map<String, ServiceStatus> statuses = others.keySet().stream()
                    .collect(Collectors.toMap(id -> id, camel.getRouteController()::getRouteStatus));
            assertThat(statuses).containsEntry("run", ServiceStatus.Started);

            copy.edit("routes/schedule.camel.yaml", "cron: \"{{barfeed.schedule.cron}}\"", "cron: \"*/2 * * * * ?\"");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count("SELECT count(*) FROM barfeed.run WHERE status = 'succeeded'") >= 1);
            assertThat(camel.getRoute("schedule"))
                    .as("the edited file's route, replaced")
                    .isNotSameAs(schedule);
            // The routes of the files not edited were neither replaced nor stopped (nor started: the stream's are off).
            assertThat(others).hasSizeGreaterThan(10).allSatisfy((id, route) -> {
                assertThat(camel.getRoute(id)).as("route %s", id).isSameAs(route);
                assertThat(camel.getRouteController().getRouteStatus(id))
                        .as("status of %s", id)
                        .isEqualTo(statuses.get(id));
            });
        }
    }

    private static RunSummary run(ConfigurableApplicationContext app) {
        return app.getBean(ProducerTemplate.class).requestBody("direct:run", null, RunSummary.class);
    }

    private static void universe(String etf, String... holdings) {
        for (String symbol : holdings) {
            JDBC.update("INSERT INTO stock (symbol, is_etf) VALUES (?, false) ON CONFLICT DO NOTHING", symbol);
        }
        JDBC.update("INSERT INTO stock (symbol, is_etf) VALUES (?, true)", etf);
        for (String symbol : holdings) {
            JDBC.update(
                    "INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, s.id FROM stock e, stock s"
                            + " WHERE e.symbol = ? AND s.symbol = ?",
                    etf,
                    symbol);
        }
    }

    private static long count(String sql) {
        return JDBC.queryForObject(sql, Long.class);
    }
}
