package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.barfeed.run.RunSummary;

/**
 * Reference data: the dataset company-overview, Alpha Vantage's OVERVIEW of each symbol into one row of
 * company_overview, beside Alpaca's bars (the seed's job), on stubs in Alpha Vantage's shape (a flat object of
 * strings, "None" and "-" where it has no value, {} for a symbol it does not know; every value made up). Its
 * requests share the fan-out, the retries and the failure records of the bars.
 */
class ReferenceDataTest extends AppTest {

    static final WireMockServer API = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final String DATABASE = TestPostgres.newDatabase("reference_data");
    static final String KEY = "test-av-key";

    static {
        API.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.alphavantage.base-url", API::baseUrl);
        registry.add("ALPHAVANTAGE_API_KEY", () -> KEY);
        registry.add("barfeed.alphavantage.requests-per-minute", () -> "6000");
        registry.add("barfeed.reference.load", () -> "company-overview");
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.until", () -> "2024-01-05T00:00:00Z");
    }

    @BeforeEach
    void reset() {
        API.resetAll();
        jdbc.execute("TRUNCATE company_overview, barfeed.provider_quota, barfeed.failure");
        // Alpaca has no bars for the window: this is about the overviews.
        API.stubFor(
                get(urlPathEqualTo("/v2/stocks/bars")).willReturn(okJson("{\"bars\":{},\"next_page_token\":null}")));
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void eachSymbolsOverviewIsOneRowItsStringsInTheColumnsTypesNoneAndDashAsNull() {
        Universe.only(jdbc, "ETF", "AAA", "NOPE");
        API.stubFor(overview("AAA").willReturn(okJson(overview("AAA", "31.25"))));
        API.stubFor(overview("NOPE").willReturn(okJson("{}")));

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=2 bars=0 failed=0 requests=3 ");
        assertThat(jdbc.queryForList(
                        "SELECT concat_ws(' | ', symbol, stock_id, name, sector, latest_quarter, market_capitalization,"
                                + " pe_ratio, coalesce(peg_ratio::text, 'NULL'), week_52_high,"
                                + " coalesce(dividend_date::text, 'NULL'), ex_dividend_date,"
                                + " payload ->> 'Description') FROM company_overview",
                        String.class))
                .containsExactly("AAA | 1 | AAA Industries Inc | TECHNOLOGY | 2024-03-31 | 3021456789012 | 31.25 | NULL"
                        + " | 199.62 | NULL | 2024-05-10 | Makes made-up things, for a test.");
        API.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("OVERVIEW"))
                .withQueryParam("symbol", equalTo("AAA"))
                .withQueryParam("apikey", equalTo(KEY)));
    }

    @Test
    void aValueItsColumnCannotTakeIsRecordedUntilALaterRunStoresTheSymbol() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(overview("AAA").willReturn(okJson(overview("AAA", "n/a"))));

        RunSummary refused = run();
        API.stubFor(overview("AAA").willReturn(okJson(overview("AAA", "31.25"))));
        RunSummary stored = run();

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT concat_ws(' ', symbol, timeframe, stage, state, message) FROM barfeed.failure"
                                + " WHERE run_id = ?",
                        String.class,
                        refused.runId()))
                .singleElement()
                .asString()
                .startsWith("AAA company-overview validate resolved :#PERatio 'n/a' is not a numeric");
        assertThat(stored.line()).contains("failed=0 ");
        assertThat(jdbc.queryForObject("SELECT pe_ratio::text FROM company_overview", String.class))
                .isEqualTo("31.25");
    }

    @Test
    void aSymbolLoadedRecentlyIsNotAskedAgain() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(overview("AAA").willReturn(okJson(overview("AAA", "31.25"))));

        run();
        RunSummary again = run();

        // The bars' request only: the dataset's query gives no symbol loaded within the week.
        assertThat(again.line()).contains("requests=1 ");
        API.verify(1, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aFailedOverviewIsRetriedAsABarsPageIs() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(overview("AAA")
                .inScenario("flaky")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("recovered"));
        API.stubFor(overview("AAA")
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson(overview("AAA", "31.25"))));

        RunSummary summary = run();

        assertThat(summary.line()).contains("failed=0 requests=3 ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM company_overview", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theDaysQuotaSpentStopsTheOverviewsNotTheBars() {
        Universe.only(jdbc, "ETF", "AAA", "BBB");
        API.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson("{\"Information\":\"Thank you for using Alpha Vantage! Our standard API rate limit"
                        + " is 25 requests per day. Please subscribe to any of the premium plans at"
                        + " https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.\"}")));

        RunSummary summary = run();

        assertThat(summary.exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT concat_ws(' ', timeframe, stage) FROM barfeed.failure WHERE run_id = ?",
                        String.class,
                        summary.runId()))
                .containsExactly("company-overview quota");
        assertThat(API.findAll(getRequestedFor(urlPathEqualTo("/query"))).size())
                .as("overviews asked, none twice")
                .isBetween(1, 2);
    }

    private static MappingBuilder overview(String symbol) {
        return get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("OVERVIEW"))
                .withQueryParam("symbol", equalTo(symbol));
    }

    /** An OVERVIEW answer as Alpha Vantage writes it: every value a string, "None" and "-" where it has none. */
    static String overview(String symbol, String peRatio) {
        return "{\"Symbol\":\"" + symbol + "\",\"AssetType\":\"Common Stock\",\"Name\":\"" + symbol
                + " Industries Inc\",\"Description\":\"Makes made-up things, for a test.\",\"CIK\":\"1234567\","
                + "\"Exchange\":\"NYSE\",\"Currency\":\"USD\",\"Country\":\"USA\",\"Sector\":\"TECHNOLOGY\","
                + "\"Industry\":\"SOFTWARE - INFRASTRUCTURE\",\"Address\":\"1 TEST WAY, SPRINGFIELD, IL, US\","
                + "\"FiscalYearEnd\":\"December\",\"LatestQuarter\":\"2024-03-31\","
                + "\"MarketCapitalization\":\"3021456789012\",\"EBITDA\":\"None\",\"PERatio\":\"" + peRatio + "\","
                + "\"PEGRatio\":\"-\",\"BookValue\":\"4.38\",\"DividendPerShare\":\"0.96\","
                + "\"DividendYield\":\"0.0051\",\"EPS\":\"6.12\",\"ProfitMargin\":\"0.262\",\"Beta\":\"1.24\","
                + "\"52WeekHigh\":\"199.62\",\"52WeekLow\":\"124.17\",\"50DayMovingAverage\":\"181.38\","
                + "\"SharesOutstanding\":\"15441900000\",\"DividendDate\":\"None\","
                + "\"ExDividendDate\":\"2024-05-10\"}";
    }
}
