package io.barfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;

/**
 * Both reference datasets barfeed ships, from two providers, beside Alpaca's bars, on the built-in simulator (as on
 * the embedded defaults with barfeed.reference.load set): Alpha Vantage's company overviews into company_overview,
 * Massive's ticker details (a nested address, numbers as JSON numbers, 404 for a ticker it does not know) into
 * ticker_details.
 */
class ReferenceDataSimulatorTest extends AppTest {

    static final String DATABASE = TestPostgres.newDatabase("reference_sim");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.withSimulator(registry, DATABASE);
        registry.add("barfeed.simulator.unknown-symbols", () -> "ZZZZ");
        registry.add("barfeed.reference.load", () -> "company-overview,ticker-details");
        registry.add("barfeed.alphavantage.requests-per-minute", () -> "60000");
        registry.add("barfeed.massive.requests-per-minute", () -> "60000");
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.backfill-start", () -> "2024-06-03");
        registry.add(
                "barfeed.fetch.until",
                () -> Instant.parse("2024-06-08T00:00:00Z").toString());
    }

    @Test
    void overviewsFromAlphaVantageAndTickerDetailsFromMassiveLandBesideAlpacasBars() {
        Universe.only(jdbc, "ETF", "AAPL", "NVDA", "ZZZZ");

        RunSummary summary = run();

        // Alpaca's corporate actions and one bars request of three symbols; three overviews, three ticker details.
        assertThat(summary.line()).contains("symbols=3 bars=10 failed=0 requests=8 ");
        assertThat(jdbc.queryForList(
                        "SELECT concat_ws(' ', symbol, name, currency, asset_type, market_capitalization > 0,"
                                + " payload ->> 'Symbol') FROM company_overview ORDER BY symbol",
                        String.class))
                .containsExactly(
                        "AAPL AAPL Holdings Inc USD Common Stock t AAPL",
                        "NVDA NVDA Holdings Inc USD Common Stock t NVDA");
        assertThat(jdbc.queryForList(
                        "SELECT concat_ws(' ', symbol, name, type, active, city, shares_outstanding > 0,"
                                + " payload -> 'address' ->> 'state') FROM ticker_details ORDER BY symbol",
                        String.class))
                .containsExactly(
                        "AAPL AAPL Holdings Inc CS t SPRINGFIELD t IL", "NVDA NVDA Holdings Inc CS t SPRINGFIELD t IL");
        assertThat(summary.emptySymbols()).containsExactly("ZZZZ");
    }
}
