package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;
import io.barfeed.simulator.ApiSimulator;

/**
 * A backfill that needs several quota windows: the parallel requests share the quota the API reports
 * in X-RateLimit-* and wait for each reset, so the API never has to refuse one with 429.
 */
class QuotaTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("quota");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        // 6 requests per 2-second window: the 17 requests of this backfill need 3 windows.
        registry.add("barfeed.simulator.rate-limit", () -> "6");
        registry.add("barfeed.simulator.rate-limit-window", () -> "2s");
        registry.add("barfeed.fetch.rate-limit-jitter", () -> "50ms");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-03-04");
        registry.add("barfeed.fetch.until", () -> "2024-03-04T21:00:00Z");
        registry.add("barfeed.alpaca.page-limit", () -> "20");
        registry.add("barfeed.fetch.symbols-per-request", () -> "3");
        registry.add("barfeed.fetch.parallelism", () -> "4");
    }

    @Autowired
    ApiSimulator simulator;

    @Test
    void backfillUnderAQuotaNeverRunsIntoA429() {
        Universe.etf(jdbc, "ETF", ChaosTest.SYMBOLS.toArray(String[]::new));

        RunSummary summary = run();

        System.out.printf("quota: %s; refused for quota: %d%n", summary.line(), simulator.refusedForQuota());
        assertThat(summary.failed()).isZero();
        assertThat(summary.requests())
                .as("16 pages of bars and one of corporate actions")
                .isEqualTo(17);
        assertThat(simulator.refusedForQuota()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar", Long.class)).isEqualTo(12 * 26);
    }
}
