package io.barfeed;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The settings every app-level test shares: its own database, the stubbed API, no scheduled fires. */
public final class TestSettings {

    /**
     * What a barfeed started from the command line against a stub needs: API keys (barfeed reads the same names from
     * the environment), and no corporate actions (the stub answers the bars endpoint only).
     */
    public static final List<String> STUB_ARGS = List.of(
            "--APCA_API_KEY_ID=test-key-id",
            "--APCA_API_SECRET_KEY=test-secret",
            "--barfeed.alpaca.corporate-actions.types=");

    private TestSettings() {}

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
        // The stub answers the bars endpoint only; CorporateActionsTest reads corporate actions.
        registry.add("barfeed.alpaca.corporate-actions.types", () -> "");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-01-02");
        registry.add("barfeed.fetch.retry-delay", () -> "10ms");
        // Tests trigger runs themselves; the cron never fires during a test.
        registry.add("barfeed.schedule.cron", () -> "0 0 0 1 1 ? 2099");
    }
}
