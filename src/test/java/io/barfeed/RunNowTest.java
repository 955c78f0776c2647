package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.ops.IngestControl;

/** runNow() never overlaps a run going on, also with the schedule route stopped (no Quartz job to queue it). */
class RunNowTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("runnow");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        // Each run waits 1.5 s for the API.
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(WireMock.okJson(new PageBuilder()
                                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                        .build(null))
                                .withFixedDelay(1500)));
    }

    @Autowired
    IngestControl ingest;

    @Autowired
    CamelContext camel;

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void runsStartedOnDemandWhileOneIsGoingOnWaitTheirTurn() throws Exception {
        Universe.only(jdbc, "ETF", "AAA");
        camel.getRouteController().stopRoute("schedule");

        String first = ingest.runNow();
        await().atMost(Duration.ofSeconds(5)).until(ingest::isRunning);
        String second = ingest.runNow();

        assertThat(first).isEqualTo("run started");
        assertThat(second).isEqualTo("run queued behind the run going on");
        await().atMost(Duration.ofSeconds(20)).until(() -> finishedRuns().size() == 2);
        List<Timestamp[]> runs = finishedRuns();
        assertThat(runs.get(1)[0])
                .as("the second run starts after the first finished")
                .isAfterOrEqualTo(runs.get(0)[1]);
    }

    private List<Timestamp[]> finishedRuns() {
        return jdbc.query(
                "SELECT started_at, finished_at FROM barfeed.run WHERE finished_at IS NOT NULL ORDER BY id",
                (rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
    }
}
