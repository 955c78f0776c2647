package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.barfeed.simulator.ApiSimulator;

/**
 * The stream route on an in-process stand-in for Alpaca's stream: minute bars land in the bars table as the market
 * has them, through the store path; a message in fragments is joined; an updated bar replaces its bar; a bar that
 * breaks the rules is recorded as a failure, as a REST bar would be; what is not a bar of the universe is left alone.
 */
class StreamTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("stream");
    static final AlpacaStreamStub STREAM = new AlpacaStreamStub();
    static final ApiSimulator REST = StreamSettings.rest();
    // Monday 2024-03-04, 10:00 New York, half a minute in.
    static final Instant MINUTE = Instant.parse("2024-03-04T15:00:00Z");
    static final HandClock MARKET = new HandClock(MINUTE.plusSeconds(30));

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
        // No repair: what is stored is what the stream sent.
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
            Universe.etf(jdbc, "ETF", "AAA", "BBB");
        }
        jdbc.update("DELETE FROM bar");
        await().atMost(Duration.ofSeconds(20)).until(STREAM::streaming);
    }

    @Test
    void minuteBarsLandInTheTableAsTheMarketHasThem() {
        assertThat(STREAM.held()).as("subscribed").isEqualTo(Set.of("AAA", "BBB"));

        STREAM.bars(MINUTE, "AAA", "BBB");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).size() == 2);
        assertThat(MarketBars.stored(jdbc)).isEqualTo(MarketBars.of(List.of("AAA", "BBB"), "1Min", MINUTE, MINUTE));
    }

    @Test
    void aMessageSentInFragmentsIsJoined() {
        STREAM.sendFragments(AlpacaStreamStub.frame("b", MINUTE, "AAA", "BBB"), 3);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).size() == 2);
        assertThat(MarketBars.stored(jdbc)).isEqualTo(MarketBars.of(List.of("AAA", "BBB"), "1Min", MINUTE, MINUTE));
    }

    @Test
    void anUpdatedBarReplacesItsBar() {
        STREAM.send("[{\"T\":\"b\",\"S\":\"AAA\",\"o\":10,\"h\":11,\"l\":9,\"c\":10.5,\"v\":100,\"t\":\"" + MINUTE
                + "\",\"n\":3,\"vw\":10.2}]");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).size() == 1);

        STREAM.updatedBars(MINUTE, "AAA");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).equals(MarketBars.of(List.of("AAA"), "1Min", MINUTE, MINUTE)));
    }

    @Test
    void aBarThatBreaksTheRulesIsRecordedNotStored() {
        // High below low; beside it a bar of a symbol outside the universe and a trading status: neither is ours.
        STREAM.send("[{\"T\":\"b\",\"S\":\"AAA\",\"o\":10,\"h\":9,\"l\":11,\"c\":10,\"v\":100,\"t\":\"" + MINUTE
                + "\",\"n\":3,\"vw\":10},{\"T\":\"b\",\"S\":\"ZZZ\",\"o\":1,\"h\":1,\"l\":1,\"c\":1,\"v\":1,\"t\":\""
                + MINUTE + "\",\"n\":1,\"vw\":1},{\"T\":\"s\",\"S\":\"AAA\",\"sc\":\"H\",\"sm\":\"Trading Halt\","
                + "\"rc\":\"T12\",\"rm\":\"Halted\",\"t\":\"" + MINUTE + "\",\"z\":\"C\"}]");
        STREAM.bars(MINUTE, "BBB");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> MarketBars.stored(jdbc).size() == 1);
        assertThat(MarketBars.stored(jdbc)).isEqualTo(MarketBars.of(List.of("BBB"), "1Min", MINUTE, MINUTE));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc
                        .queryForList(
                                "SELECT symbol || ' ' || timeframe || ' ' || stage || ' ' || message"
                                        + " FROM barfeed.failure WHERE state = 'open'",
                                String.class)
                        .stream()
                        .anyMatch(f -> f.startsWith("AAA 1Min validate high below low")));
    }
}
