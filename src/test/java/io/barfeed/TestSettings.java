package io.barfeed;

import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every app-level test shares: its own database, the stubbed API, no scheduled fires. */
public final class TestSettings {

    /** API keys for tests against a stub, as command-line settings (barfeed reads the same names from the environment). */
    public static final List<String> KEY_ARGS =
            List.of("--APCA_API_KEY_ID=test-key-id", "--APCA_API_SECRET_KEY=test-secret");

    private TestSettings() {}

    /** The same keys as environment variables, for barfeed started in a JVM of its own. */
    public static void keysInto(Map<String, String> environment) {
        environment.put("APCA_API_KEY_ID", "test-key-id");
        environment.put("APCA_API_SECRET_KEY", "test-secret");
    }

    /** Settings for a test against the built-in simulator (no stub), with a universe of the test's own. */
    public static void withSimulator(DynamicPropertyRegistry registry, String databaseUrl) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("server.port", () -> "0");
        registry.add("barfeed.schedule.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("barfeed.simulator.enabled", () -> "true");
        registry.add("barfeed.simulator.seed-demo-universe", () -> "false");
        registry.add("barfeed.simulator.latency", () -> "0ms");
    }

    public static void apply(DynamicPropertyRegistry registry, String databaseUrl, String apiBaseUrl) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("server.port", () -> "0");
        registry.add("barfeed.simulator.enabled", () -> "false");
        registry.add("barfeed.alpaca.base-url", () -> apiBaseUrl);
        registry.add("APCA_API_KEY_ID", () -> "test-key-id");
        registry.add("APCA_API_SECRET_KEY", () -> "test-secret");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-01-02");
        registry.add("barfeed.fetch.retry-delay-ms", () -> "10");
        // Tests trigger runs themselves; the cron never fires during a test.
        registry.add("barfeed.schedule.cron", () -> "0 0 0 1 1 ? 2099");
    }
}
