package io.barfeed;

import static io.barfeed.AlpacaStub.bar;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.barfeed.AlpacaStub.PageBuilder;

/**
 * barfeed.schedule.misfire-instruction, seen on a busy schedule: a fire every 2 s, runs of about 2.3 s (the API is
 * slow), so the fire due while a run is going is missed (the schedule never overlaps runs). Quartz calls a fire a
 * misfire once it is late by its threshold, 60 s by default, here 100 ms. Run for each instruction:
 * MisfireSkippedTest (2, the default) and MisfireRunNowTest (1).
 */
abstract class MisfireCases extends AppTest {

    static final long API_DELAY_MS = 2200;

    static void settings(DynamicPropertyRegistry registry, String database, AlpacaStub api, int instruction) {
        TestSettings.apply(registry, database, api.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.schedule.cron", () -> "0/2 * * * * ?");
        registry.add("barfeed.schedule.misfire-instruction", () -> Integer.toString(instruction));
        registry.add("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", () -> "100");
        api.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(WireMock.okJson(new PageBuilder()
                                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                                        .build(null))
                                .withFixedDelay((int) API_DELAY_MS)));
    }

    /** Milliseconds from a run's end to the next one's start, for the first three runs of one symbol. */
    List<Long> pauses() {
        Universe.etf(jdbc, "ETF", "AAA");
        await().atMost(Duration.ofSeconds(30)).until(() -> finished().size() >= 3);
        List<long[]> runs = finished();
        List<Long> pauses = List.of(runs.get(1)[0] - runs.get(0)[1], runs.get(2)[0] - runs.get(1)[1]);
        System.out.printf("%s: pauses between runs %s ms%n", getClass().getSimpleName(), pauses);
        return pauses;
    }

    /** Start and end of each run of the symbol that ended, in epoch milliseconds (runs before it had none). */
    private List<long[]> finished() {
        return jdbc.query(
                "SELECT started_at, finished_at FROM barfeed.run WHERE finished_at IS NOT NULL AND symbols = 1"
                        + " ORDER BY id",
                (rs, n) -> new long[] {
                    rs.getTimestamp(1).getTime(), rs.getTimestamp(2).getTime()
                });
    }
}
