package io.barfeed;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.barfeed.simulator.ApiSimulator;
import io.barfeed.simulator.SimulatedMarket;

/** The stream's settings in tests: on, at a stub, with waits short enough for a test to see several of them. */
final class StreamSettings {

    private StreamSettings() {}

    /** The REST side the stream's repairs ask: the simulated market, no latency. */
    static ApiSimulator rest() {
        try {
            return new ApiSimulator(new SimulatedMarket(Set.of()), 0, Duration.ZERO, 10_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void apply(DynamicPropertyRegistry registry, String streamUrl) {
        registry.add("barfeed.alpaca.stream-url", () -> streamUrl);
        apply(registry);
    }

    /** On, at the stream barfeed.provider has (the built-in simulator's when it serves). */
    static void apply(DynamicPropertyRegistry registry) {
        registry.add("barfeed.stream.enabled", () -> "true");
        registry.add("barfeed.stream.backoff", () -> "100ms");
        registry.add("barfeed.stream.max-backoff", () -> "400ms");
        registry.add("barfeed.stream.connection-limit-backoff", () -> "1s");
        registry.add("barfeed.stream.handshake-timeout", () -> "3s");
        registry.add("barfeed.stream.batch-wait", () -> "50ms");
    }
}
