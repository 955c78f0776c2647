package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;

/**
 * No hole: after the first connect and after a drop, the minutes the stream may have missed are asked of REST (the
 * simulated market), so the table holds exactly the market's minute bars across the drop; and the scheduled REST run
 * stays the record, its bar replacing a streamed one that differs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first connect is the first test's
class StreamRepairTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("stream_repair");
    static final AlpacaStreamStub STREAM = new AlpacaStreamStub();
    static final ApiSimulator REST = StreamSettings.rest();
    static final List<String> SYMBOLS = List.of("AAA", "BBB");
    // Monday 2024-03-04, 10:00 New York.
    static final Instant T0 = Instant.parse("2024-03-04T15:00:00Z");
    static final HandClock MARKET = new HandClock(Instant.EPOCH);

    @TestBean(name = "marketClock")
    Clock marketClock;

    static Clock marketClock() {
        return MARKET;
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, REST.baseUrl());
        StreamSettings.apply(registry, STREAM.url());
        registry.add("barfeed.fetch.timeframes", () -> "1Min");
        registry.add("barfeed.stream.repair-lookback", () -> "10m");
        registry.add("barfeed.alpaca.end-delay", () -> "0s");
        registry.add("barfeed.fetch.revisit", () -> "10m");
    }

    @AfterAll
    static void stop() {
        STREAM.close();
        REST.close();
    }

    @Test
    @Order(1)
    void aDropIsRepairedFromRestSoTheTableHoldsTheMarketsBars() {
        MARKET.set(T0.plusSeconds(30));
        Universe.etf(jdbc, "ETF", SYMBOLS.toArray(String[]::new));
        // The first connect: the ten minutes before it, from REST.
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MarketBars.stored(jdbc)
                        .equals(MarketBars.of(SYMBOLS, "1Min", T0.minus(Duration.ofMinutes(10)), T0.minusSeconds(1))));
        STREAM.bars(T0, "AAA", "BBB");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).size() == 22);

        // Lost for four minutes: 15:01 to 15:03 never come on the stream.
        int before = STREAM.connects();
        MARKET.set(T0.plus(Duration.ofMinutes(4)).plusSeconds(20));
        STREAM.drop();
        await().atMost(Duration.ofSeconds(20)).until(() -> STREAM.connects() > before && STREAM.streaming());
        STREAM.bars(T0.plus(Duration.ofMinutes(4)), "AAA", "BBB");

        List<String> market =
                MarketBars.of(SYMBOLS, "1Min", T0.minus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(4)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> MarketBars.stored(jdbc).equals(market));
        assertThat(MarketBars.stored(jdbc)).isEqualTo(market);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM barfeed.failure", Long.class))
                .as("failures")
                .isZero();
    }

    @Test
    @Order(2)
    void theScheduledRunsRestBarReplacesAStreamedBarThatDiffers() {
        if (jdbc.queryForObject("SELECT count(*) FROM stock", Long.class) == 0) {
            Universe.etf(jdbc, "ETF", SYMBOLS.toArray(String[]::new));
        }
        Instant minute = T0.plus(Duration.ofMinutes(8));
        MARKET.set(minute.plusSeconds(40));
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
        STREAM.send("[{\"T\":\"b\",\"S\":\"AAA\",\"o\":1,\"h\":2,\"l\":0.5,\"c\":1.5,\"v\":7,\"t\":\"" + minute
                + "\",\"n\":1,\"vw\":1.2}]");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> storedAt("AAA", minute).startsWith("AAA 1Min"));
        assertThat(storedAt("AAA", minute)).as("the streamed bar").endsWith(" 1 2 0.5 1.5 7 1 1.2");

        RunSummary run = run();

        assertThat(run.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(storedAt("AAA", minute))
                .isEqualTo(MarketBars.of(List.of("AAA"), "1Min", minute, minute).get(0));
    }

    private String storedAt(String symbol, Instant t) {
        return MarketBars.stored(jdbc).stream()
                .filter(row -> row.startsWith(symbol + " 1Min " + t))
                .findFirst()
                .orElse("");
    }
}
