package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.barfeed.AlpacaStub.PageBuilder;

/** The Quartz trigger fires runs on the cron, and a run still going when the next fire comes is never overlapped. */
@ExtendWith(OutputCaptureExtension.class)
@ReadsBarfeedLog
class ScheduleTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("schedule");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.schedule.cron", () -> "* * * * * ?"); // every second
        registry.add("barfeed.progress.interval", () -> "300ms");
        // Each run takes 1.5 s (the API is slow), longer than the cron's period.
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(WireMock.okJson(new PageBuilder()
                                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                        .build(null))
                                .withFixedDelay(1500)));
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void cronFiresRunsThatNeverOverlapAndLogTheirProgress(CapturedOutput output) {
        Universe.etf(jdbc, "ETF", "AAA");

        await().atMost(Duration.ofSeconds(20)).until(() -> finishedRuns().size() >= 3);

        List<Timestamp[]> runs = finishedRuns();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i)[0])
                    .as("run %d starts after run %d finished", i + 1, i)
                    .isAfterOrEqualTo(runs.get(i - 1)[1]);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar", Long.class)).isEqualTo(1);
        // Each run waits 1.5 s for the API: long enough for progress lines every 300 ms.
        assertThat(output.getOut())
                .containsPattern("barfeed run \\d+ progress: requests 0/1 finished \\(0 pages\\), bars 0 stored");
    }

    private List<Timestamp[]> finishedRuns() {
        return jdbc.query(
                "SELECT started_at, finished_at FROM barfeed.run WHERE status = 'succeeded' ORDER BY id",
                (rs, n) -> new Timestamp[] {rs.getTimestamp(1), rs.getTimestamp(2)});
    }
}
