package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.barfeed.stream.StreamState;

/**
 * One streamer per account in a cluster: two nodes with the stream on and the profile cluster, one stream server;
 * exactly one node connects, and when it stops the other takes over and streams.
 */
class StreamClusterTest {

    static final AlpacaStreamStub STREAM = new AlpacaStreamStub();
    static final String DATABASE = TestPostgres.newDatabase("stream_cluster");
    static final JdbcTemplate JDBC = new JdbcTemplate(new DriverManagerDataSource(DATABASE));

    @AfterAll
    static void stop() {
        STREAM.close();
    }

    @Test
    void oneNodeStreamsAndAnotherTakesOverWhenItStops() {
        List<ConfigurableApplicationContext> nodes = new ArrayList<>();
        try {
            nodes.add(node("a"));
            Universe.etf(JDBC, "ETF", "AAA");
            nodes.add(node("b"));

            await().atMost(Duration.ofSeconds(30)).until(STREAM::streaming);
            // Both nodes have had several lease periods to try: one streams all along, on one connection.
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> STREAM.streamingNow() == 1
                            && nodes.stream().filter(StreamClusterTest::streams).count() == 1);

            ConfigurableApplicationContext leader = nodes.stream()
                    .filter(StreamClusterTest::streams)
                    .findFirst()
                    .orElseThrow();
            nodes.remove(leader);
            long stopped = System.nanoTime();
            leader.close();

            ConfigurableApplicationContext other = nodes.get(0);
            await().atMost(Duration.ofSeconds(60)).until(() -> streams(other));
            System.out.printf(
                    "stream cluster: the other node streams %d ms after the leader stopped%n",
                    (System.nanoTime() - stopped) / 1_000_000);
            assertThat(STREAM.streamingNow()).as("connections streaming").isEqualTo(1);
        } finally {
            nodes.forEach(ConfigurableApplicationContext::close);
        }
    }

    private static boolean streams(ConfigurableApplicationContext node) {
        return node.getBean(StreamState.class).connected();
    }

    private static ConfigurableApplicationContext node(String id) {
        List<String> args = new ArrayList<>(TestSettings.STUB_ARGS);
        args.addAll(List.of(
                "--spring.profiles.active=cluster",
                "--barfeed.cluster.node-id=" + id,
                "--barfeed.cluster.stream-lease=2s",
                "--spring.datasource.url=" + DATABASE,
                "--server.port=0",
                // two nodes in one JVM: their MBeans would have the same names
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--barfeed.simulator.enabled=false",
                "--barfeed.alpaca.base-url=http://127.0.0.1:9",
                "--barfeed.alpaca.stream-url=" + STREAM.url(),
                "--barfeed.stream.enabled=true",
                "--barfeed.stream.backoff=100ms",
                "--barfeed.stream.max-backoff=400ms",
                "--barfeed.stream.repair-lookback=0s",
                "--barfeed.fetch.timeframes=1Min",
                "--barfeed.schedule.cron=0 0 0 1 1 ? 2099"));
        return new SpringApplicationBuilder(BarfeedApplication.class).run(args.toArray(String[]::new));
    }
}
