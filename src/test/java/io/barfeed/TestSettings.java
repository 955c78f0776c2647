package io.barfeed;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every app-level test shares: its own database, the stubbed API, no scheduled fires. */
public final class TestSettings {

    private TestSettings() {}

    /** Settings for a test against the built-in simulator (no stub), with a universe of the test's own. */
    public static void withSimulator(DynamicPropertyRegistry registry, String databaseUrl) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("server.port", () -> "0");
        registry.add("barfeed.schedule.cron", () -> "0 0 0 1 1 ? 2099");
        registry.add("barfeed.simulator.seed-demo-universe", () -> "false");
        registry.add("barfeed.simulator.latency", () -> "0ms");
    }

    public static void apply(DynamicPropertyRegistry registry, String databaseUrl, String apiBaseUrl) {
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("server.port", () -> "0");
        registry.add("barfeed.simulator.enabled", () -> "false");
        registry.add("barfeed.alpaca.base-url", () -> apiBaseUrl);
        registry.add("barfeed.fetch.backfill-start", () -> "2024-01-02");
        registry.add("barfeed.fetch.retry-delay-ms", () -> "10");
        // Tests trigger runs themselves; the cron never fires during a test.
        registry.add("barfeed.schedule.cron", () -> "0 0 0 1 1 ? 2099");
    }
}
