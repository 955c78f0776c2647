package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;

/**
 * What operators use: the route MBeans and barfeed's own over the platform MBean server, and the
 * actuator's health and Prometheus metrics over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMetrics
class OperationsTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("operations");
    static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("spring.jmx.enabled", () -> "true"); // Spring Boot's tests turn JMX export off
        registry.add("barfeed.schedule.cron", () -> "* * * * * ?"); // every second
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                        .build(null));
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void universe(@Autowired JdbcTemplate jdbc) {
        Universe.etf(jdbc, "ETF", "AAA");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void routesAreManagedOverJmx() throws Exception {
        Set<ObjectName> routes = JMX.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);
        assertThat(routes)
                .extracting(n -> n.getKeyProperty("name").replace("\"", ""))
                .contains(
                        "schedule",
                        "run",
                        "ingest-timeframe",
                        "fetch-request",
                        "fetch-page",
                        "store-batch",
                        "report-progress");
        ObjectName schedule = route("schedule");
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 1);
        assertThat((Long) JMX.getAttribute(route("run"), "ExchangesCompleted")).isPositive();
        for (ObjectName r : routes) {
            assertThat((String) JMX.invoke(r, "dumpRouteAsYaml", null, null))
                    .as("YAML dump of %s", r)
                    .contains("id: ");
        }
        assertThat((String) JMX.invoke(route("fetch-request"), "dumpRouteAsYaml", null, null))
                .contains("direct:fetch-page");

        // Stopped, the schedule fires no run; started again, it does.
        JMX.invoke(schedule, "stop", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Boolean.TRUE.equals(JMX.getAttribute(ingest(), "Running")));
        int whileStopped = runs();
        await("no run while the schedule route is stopped")
                .during(Duration.ofMillis(2500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> runs() == whileStopped);
        assertThat(JMX.getAttribute(ingest(), "NextFireTime")).isNull();

        // runNow() without the schedule: a run all the same.
        JMX.invoke(ingest(), "runNow", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() == whileStopped + 1);

        JMX.invoke(schedule, "start", null, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() > whileStopped + 1);
        assertThat(JMX.getAttribute(ingest(), "NextFireTime")).isNotNull();
        assertThat(JMX.getAttribute(ingest(), "LastRunStatus")).isEqualTo("succeeded");
        assertThat((String) JMX.getAttribute(ingest(), "LastRunSummary"))
                .matches("barfeed run \\d+ finished: symbols=1 .*");
    }

    @Test
    void healthMetricsAndRoutesAreServed() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 1);

        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body())
                .contains("\"status\":\"UP\"")
                .contains("\"db\"")
                .contains("\"camelHealth\"");

        HttpResponse<String> routes = get("/actuator/camelroutes");
        assertThat(routes.statusCode()).isEqualTo(200);
        assertThat(routes.body())
                .contains("\"id\":\"schedule\"")
                .contains("\"id\":\"store-batch\"")
                .contains("\"status\":\"Started\"");
    }

    /** The meters agree with the runs barfeed recorded, counted while no run is going. */
    @Test
    void theMetersCountWhatTheRunsRecorded() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 1);
        JMX.invoke(route("schedule"), "stop", null, null);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !Boolean.TRUE.equals(JMX.getAttribute(ingest(), "Running")));
            String metrics = get("/actuator/prometheus").body();
            var recorded = jdbc.queryForMap("""
                    SELECT count(*) AS runs, sum(bars) AS bars, sum(failed) AS failed, sum(requests) AS requests
                    FROM barfeed.run WHERE finished_at IS NOT NULL""");

            assertThat(sample(metrics, "barfeed_run_duration_seconds_count"))
                    .as("runs timed")
                    .isEqualTo(((Number) recorded.get("runs")).doubleValue())
                    .isPositive();
            assertThat(sample(metrics, "barfeed_bars_stored_total"))
                    .as("bars stored: one a run")
                    .isEqualTo(((Number) recorded.get("bars")).doubleValue())
                    .isEqualTo(((Number) recorded.get("runs")).doubleValue());
            assertThat(sample(metrics, "barfeed_request_latency_seconds_count"))
                    .as("requests timed")
                    .isEqualTo(((Number) recorded.get("requests")).doubleValue());
            assertThat(sample(metrics, "barfeed_symbols_failed_total"))
                    .isEqualTo(((Number) recorded.get("failed")).doubleValue())
                    .isZero();
            assertThat(sample(metrics, "barfeed_run_active")).isZero();
        } finally {
            JMX.invoke(route("schedule"), "start", null, null);
        }
    }

    /** The sum of a metric's samples in a Prometheus scrape, over all its tags; fails when there is none. */
    private static double sample(String scrape, String metric) {
        List<Double> values = scrape.lines()
                .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .toList();
        assertThat(values).as("samples of %s", metric).isNotEmpty();
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    /** What the standalone Hawtio console speaks to barfeed: Jolokia, JMX over HTTP at /actuator/jolokia. */
    @Test
    void theConsolesJolokiaListsTheRoutesAndSuspendsAndResumesOne() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> runs() >= 1);

        assertThat(jolokia("{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"))
                .contains("name=\\\"fetch-request\\\"")
                .contains("name=\\\"store-batch\\\"")
                .contains("name=\\\"schedule\\\"");
        String completed = jolokia(
                "{\"type\":\"read\",\"mbean\":\"" + mbean(route("run")) + "\",\"attribute\":\"ExchangesCompleted\"}");
        assertThat(completed).contains("\"status\":200").containsPattern("\"value\":[1-9]");

        // Suspended over Jolokia, the route says so over JMX, and resumes the same way.
        String report = mbean(route("report-progress"));
        assertThat(jolokia("{\"type\":\"exec\",\"mbean\":\"" + report + "\",\"operation\":\"suspend()\"}"))
                .contains("\"status\":200");
        assertThat(JMX.getAttribute(route("report-progress"), "State")).isEqualTo("Suspended");
        assertThat(jolokia("{\"type\":\"exec\",\"mbean\":\"" + report + "\",\"operation\":\"resume()\"}"))
                .contains("\"status\":200");
        assertThat(JMX.getAttribute(route("report-progress"), "State")).isEqualTo("Started");
    }

    private String jolokia(String request) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/jolokia"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** An MBean's name as a JSON string's content. */
    private static String mbean(ObjectName name) {
        return name.getCanonicalName().replace("\"", "\\\"");
    }

    private int runs() {
        return jdbc.queryForObject("SELECT count(*) FROM barfeed.run WHERE status = 'succeeded'", Integer.class);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static ObjectName route(String id) throws Exception {
        return JMX.queryNames(new ObjectName("org.apache.camel:type=routes,name=\"" + id + "\",*"), null)
                .iterator()
                .next();
    }

    private static ObjectName ingest() throws Exception {
        return new ObjectName("io.barfeed:type=Ingest,name=barfeed");
    }
}
