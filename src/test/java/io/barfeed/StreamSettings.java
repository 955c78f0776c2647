package io.barfeed;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The stream's settings in tests: on, at a stub, with waits short enough for a test to see several of them. */
final class StreamSettings {

    private StreamSettings() {}

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
