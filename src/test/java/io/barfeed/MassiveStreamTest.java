package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.StreamSimulator;

/**
 * A second stream provider from YAML and settings alone: Massive's per-minute aggregates (AM.*) on the built-in
 * simulator's Massive stream land in the bars table as Massive sent them (no trade count: AM has none).
 */
class MassiveStreamTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("massive_stream");

    @Autowired
    StreamSimulator streams;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        StreamSettings.apply(registry);
        registry.add("barfeed.provider", () -> "massive");
        registry.add("MASSIVE_API_KEY", () -> "test-key");
        registry.add("barfeed.simulator.around-the-clock", () -> "true");
        registry.add("barfeed.fetch.timeframes", () -> "1Min");
        registry.add("barfeed.stream.repair-lookback", () -> "0s");
    }

    @Test
    void perMinuteAggregatesLandAsMinuteBars() {
        Universe.etf(jdbc, "ETF", "AAA", "BBB");
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        // Subscribed: the simulator sends the minute to the connection that holds both symbols.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            streams.sendMinute(minute);
            return MarketBars.stored(jdbc).size() == 2;
        });

        SimulatedMarket.Bar a = SimulatedMarket.bar("AAA", minute);
        assertThat(MarketBars.stored(jdbc))
                .first()
                .asString()
                .startsWith("AAA 1Min " + minute + " " + a.o().toPlainString() + " " + a.h().toPlainString() + " "
                        + a.l().toPlainString() + " " + a.c().toPlainString() + " " + a.v() + " "
                        + a.vw().toPlainString());
    }
}
