package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.barfeed.simulator.ApiSimulator;

/**
 * The classic schema's case: barfeed.fetch.timeframes has no 1Min, so the streamed minute bars are not stored but
 * rolled up into 5-minute bars when each window closes (open first, high max, low min, close last, volumes and trade
 * counts summed, vwap weighted by volume); an updated bar after its window was written writes it again; a window with
 * a rejected minute bar is recorded as a failure, not written; a window the stream joined part-way is asked of REST
 * once it has closed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // one market clock, forward only
class StreamRollUpTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("stream_roll_up");
    static final AlpacaStreamStub STREAM = new AlpacaStreamStub();
    static final ApiSimulator REST = StreamSettings.rest();
    // Monday 2024-03-04, 10:00 New York: a 5-minute window starts.
    static final Instant T0 = Instant.parse("2024-03-04T15:00:00Z");
    static final HandClock MARKET = new HandClock(T0);

    @TestBean(name = "marketClock")
    Clock marketClock;

    static Clock marketClock() {
        return MARKET;
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, REST.baseUrl());
        StreamSettings.apply(registry, STREAM.url());
        registry.add("barfeed.fetch.timeframes", () -> "5Min");
        registry.add("barfeed.stream.roll-up-delay", () -> "1s");
        // No repair from REST: what is stored is what the stream rolled up.
        registry.add("barfeed.stream.repair-lookback", () -> "0s");
    }

    @AfterAll
    static void stop() {
        STREAM.close();
        REST.close();
    }

    @BeforeEach
    void universe() {
        if (jdbc.queryForObject("SELECT count(*) FROM stock", Long.class) == 0) {
            Universe.etf(jdbc, "ETF", "AAA");
        }
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
    }

    @Test
    @Order(1)
    void aWindowSeenWholeIsRolledUpWhenItClosesAndWrittenAgainWhenABarOfItIsUpdated() {
        bar("b", 0, "10", "11", "9.5", "10.5", 100, 5, "10.2");
        bar("b", 1, "10.5", "12", "10", "11", 200, 7, "11.1");
        bar("b", 2, "11", "11.5", "9", "9.8", 50, 2, "10");
        bar("b", 3, "9.8", "10", "9.6", "9.9", 150, 4, "9.8");
        bar("b", 4, "9.9", "10.4", "9.7", "10.3", 100, 3, "10.1");
        MARKET.set(T0.plus(Duration.ofMinutes(4)).plusSeconds(50));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> bars().isEmpty());

        MARKET.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> !bars().isEmpty());
        assertThat(bars())
                .as("no minute bars: 1Min is not one of the timeframes")
                .containsExactly("AAA 5Min 2024-03-04T15:00:00Z 10 12 9 10.3 600 21 10.36666666666667");

        bar("u", 4, "9.9", "10.7", "9.7", "10.6", 200, 4, "10.3");

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        bars().equals(List.of("AAA 5Min 2024-03-04T15:00:00Z 10 12 9 10.6 700 22 10.38571428571429")));
    }

    @Test
    @Order(2)
    void aWindowWithARejectedMinuteBarIsRecordedForRestNotWritten() {
        bar("b", 5, "10", "11", "9.5", "10.5", 100, 5, "10.2");
        bar("b", 6, "10", "9", "11", "10", 100, 5, "10"); // high below low
        bar("b", 7, "10", "11", "9.5", "10.5", 100, 5, "10.2");

        MARKET.set(T0.plus(Duration.ofMinutes(10)).plusSeconds(2));

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures().isEmpty());
        assertThat(failures())
                .singleElement()
                .asString()
                .startsWith("AAA 5Min validate 2024-03-04T15:05:00Z not rolled up from the stream: high below low");
        assertThat(bars()).noneMatch(row -> row.startsWith("AAA 5Min 2024-03-04T15:05:00Z"));
    }

    @Test
    @Order(3)
    void aWindowTheStreamJoinedPartWayIsAskedOfRestOnceItClosed() {
        MARKET.set(T0.plus(Duration.ofMinutes(11)).plusSeconds(30));
        int before = STREAM.connects();
        STREAM.drop();
        await().atMost(Duration.ofSeconds(20)).until(() -> STREAM.connects() > before && STREAM.streaming());
        bar("b", 12, "10", "11", "9.5", "10.5", 100, 5, "10.2");
        bar("b", 13, "10", "11", "9.5", "10.5", 100, 5, "10.2");
        bar("b", 14, "10", "11", "9.5", "10.5", 100, 5, "10.2");
        // The next window, seen whole, shows the roll-ups went on.
        bar("b", 15, "10", "11", "9.5", "10.5", 100, 5, "10.2");

        MARKET.set(T0.plus(Duration.ofMinutes(20)).plusSeconds(2));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> bars().contains("AAA 5Min 2024-03-04T15:15:00Z 10 11 9.5 10.5 100 5 10.2"));
        Instant joined = T0.plus(Duration.ofMinutes(10));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bars().containsAll(MarketBars.of(List.of("AAA"), "5Min", joined, joined)));
        assertThat(failures()).noneMatch(row -> row.contains("15:10:00Z"));
    }

    private static void bar(
            String type, int minute, String o, String h, String l, String c, long v, long n, String vw) {
        Instant t = T0.plus(Duration.ofMinutes(minute));
        STREAM.send("[{\"T\":\"" + type + "\",\"S\":\"AAA\",\"o\":" + o + ",\"h\":" + h + ",\"l\":" + l + ",\"c\":" + c
                + ",\"v\":" + v + ",\"t\":\"" + t + "\",\"n\":" + n + ",\"vw\":" + vw + "}]");
    }

    private List<String> bars() {
        return MarketBars.stored(jdbc);
    }

    private List<String> failures() {
        return jdbc.queryForList(
                "SELECT symbol || ' ' || timeframe || ' ' || stage || ' '"
                        + " || to_char(range_from AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                        + " || ' ' || message"
                        + " FROM barfeed.failure WHERE state = 'open' ORDER BY range_from",
                String.class);
    }
}
