package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.barfeed.AlpacaStub.PageBuilder;

/**
 * Two barfeed nodes on one PostgreSQL with the profile cluster: each fire of the cron runs on exactly
 * one node (one run row per scheduled fire), and when one node stops the other goes on firing.
 */
class ClusterTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("cluster");
    static final JdbcTemplate JDBC = new JdbcTemplate(new DriverManagerDataSource(DATABASE));

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void eachFireRunsOnOneNodeAndTheOtherTakesOver() {
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                        .build(null));
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            nodes.add(node("a"));
            Universe.etf(JDBC, "ETF", "AAA");
            nodes.add(node("b"));

            await().atMost(Duration.ofSeconds(30)).until(() -> scheduledRuns("") >= 6);
            assertThat(JDBC.queryForList(
                            "SELECT scheduled_at FROM barfeed.run WHERE scheduled_at IS NOT NULL"
                                    + " GROUP BY scheduled_at HAVING count(*) > 1",
                            Timestamp.class))
                    .as("fires that ran twice")
                    .isEmpty();
            assertThat(JDBC.queryForObject(
                            "SELECT count(DISTINCT instance_name) FROM barfeed.qrtz_scheduler_state", Long.class))
                    .as("nodes checked in")
                    .isEqualTo(2);

            nodes.remove(0).close();
            Timestamp stopped = JDBC.queryForObject("SELECT max(scheduled_at) FROM barfeed.run", Timestamp.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> scheduledRuns(" AND scheduled_at > '" + stopped + "' AND node = 'b'") >= 3);
            assertThat(scheduledRuns(" AND scheduled_at > '" + stopped + "' AND node = 'a'"))
                    .isZero();
            System.out.printf(
                    "cluster: %s%n",
                    JDBC.queryForList(
                            "SELECT node || ':' || count(*) FROM barfeed.run WHERE scheduled_at IS NOT NULL"
                                    + " GROUP BY node ORDER BY node",
                            String.class));
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static long scheduledRuns(String condition) {
        return JDBC.queryForObject(
                "SELECT count(*) FROM barfeed.run WHERE scheduled_at IS NOT NULL AND status = 'succeeded'" + condition,
                Long.class);
    }

    private static ConfigurableApplicationContext node(String id) {
        List<String> args = new ArrayList<>(TestSettings.STUB_ARGS);
        args.addAll(List.of(
                "--spring.profiles.active=cluster",
                "--barfeed.cluster.node-id=" + id,
                "--spring.datasource.url=" + DATABASE,
                "--server.port=0",
                // two nodes in one JVM: their MBeans would have the same names
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=" + API.baseUrl(),
                "--barfeed.fetch.timeframes=1Day",
                "--barfeed.fetch.backfill-start=2024-01-02",
                "--barfeed.schedule.cron=*/2 * * * * ?"));
        return new SpringApplicationBuilder(BarfeedApplication.class).run(args.toArray(String[]::new));
    }
}
