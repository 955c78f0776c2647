package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.barfeed.run.RunSummary;

/**
 * barfeed.provider=alphavantage against a stub of Alpha Vantage's TIME_SERIES_INTRADAY in its own shapes (learnt
 * from answers others recorded; every value made up): one request per symbol and calendar month, bars keyed by New
 * York time with numbers in strings, the key in the query, and the answers about the quota that come as 200s: a Note
 * retried after the window, the day's Information stopping every request to it until its day starts again, an
 * Error Message for an unknown symbol meaning no bars, a premium refusal stopping the run.
 */
class AlphaVantageStubTest extends AppTest {

    static final WireMockServer API = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final String DATABASE = TestPostgres.newDatabase("alphavantage_stub");
    static final String KEY = "test-av-key";
    static final int BUDGET = 10;

    static {
        API.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, "http://unused.invalid");
        registry.add("barfeed.provider", () -> "alphavantage");
        registry.add("barfeed.alphavantage.base-url", API::baseUrl);
        registry.add("ALPHAVANTAGE_API_KEY", () -> KEY);
        registry.add("barfeed.alphavantage.requests-per-minute", () -> "6000");
        registry.add("barfeed.alphavantage.rate-limit.requests-per-day", () -> Integer.toString(BUDGET));
        registry.add("barfeed.alphavantage.rate-limit.retry-after", () -> "100ms");
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        // From 2024-01-02 to 2024-04-03: the months January to April, summer time from March 10.
        registry.add("barfeed.fetch.until", () -> "2024-04-03T00:00:00Z");
    }

    @BeforeEach
    void reset() {
        API.resetAll();
        jdbc.execute("TRUNCATE barfeed.provider_quota");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aBackfillAsksMonthByMonthAndStoresNewYorkTimesInUtc() {
        Universe.only(jdbc, "ETF", "AAA", "BBB");
        for (String symbol : List.of("AAA", "BBB")) {
            stubMonth(symbol, "2024-01", bars("2024-01-02 09:30:00", "81.0000", "2024-01-31 15:45:00", "82.5000"));
            stubMonth(symbol, "2024-02", bars("2024-02-01 04:00:00", "80.1000"));
            stubMonth(symbol, "2024-03", bars("2024-03-11 09:30:00", "86.4900"));
            stubMonth(symbol, "2024-04", bars("2024-04-02 19:45:00", "88.0100"));
        }

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=2 bars=10 failed=0 requests=8 ");
        assertThat(storedBars("AAA"))
                .containsExactly(
                        "2024-01-02T14:30Z 81.0000 81.5000 80.5000 81.0000 1200",
                        "2024-01-31T20:45Z 82.5000 83.0000 82.0000 82.5000 1200",
                        "2024-02-01T09:00Z 80.1000 80.6000 79.6000 80.1000 1200",
                        "2024-03-11T13:30Z 86.4900 86.9900 85.9900 86.4900 1200",
                        "2024-04-02T23:45Z 88.0100 88.5100 87.5100 88.0100 1200");
        List<LoggedRequest> requests = API.findAll(getRequestedFor(urlPathEqualTo("/query")));
        assertThat(requests)
                .extracting(r -> r.queryParameter("symbol").firstValue() + " "
                        + r.queryParameter("month").firstValue())
                .containsExactlyInAnyOrder(
                        "AAA 2024-01",
                        "AAA 2024-02",
                        "AAA 2024-03",
                        "AAA 2024-04",
                        "BBB 2024-01",
                        "BBB 2024-02",
                        "BBB 2024-03",
                        "BBB 2024-04");
        API.verify(
                8,
                getRequestedFor(urlPathEqualTo("/query"))
                        .withQueryParam("function", equalTo("TIME_SERIES_INTRADAY"))
                        .withQueryParam("interval", equalTo("15min"))
                        .withQueryParam("outputsize", equalTo("full"))
                        .withQueryParam("adjusted", equalTo("false"))
                        .withQueryParam("extended_hours", equalTo("true"))
                        .withQueryParam("apikey", equalTo(KEY)));
    }

    @Test
    void aNoteAboutThePerMinuteQuotaIsAskedAgainAfterTheWindow() {
        Universe.only(jdbc, "ETF", "AAA");
        stubEmptyMonthsBut("AAA", "2024-02");
        API.stubFor(month("AAA", "2024-02")
                .inScenario("note")
                .whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"Note\":\"Thank you for using Alpha Vantage! Our standard API call frequency is"
                        + " 5 calls per minute. Please visit https://www.alphavantage.co/premium/ if you would like"
                        + " to target a higher API call frequency.\"}"))
                .willSetStateTo("noted"));
        API.stubFor(month("AAA", "2024-02")
                .inScenario("note")
                .whenScenarioStateIs("noted")
                .willReturn(okJson(page("AAA", bars("2024-02-01 09:30:00", "80.1000")))));

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=1 bars=1 failed=0 requests=5 ");
        assertThat(storedBars("AAA")).containsExactly("2024-02-01T14:30Z 80.1000 80.6000 79.6000 80.1000 1200");
    }

    @Test
    void theDaysQuotaSpentInA200StopsEveryRequestToItWithoutRetriesUntilItsDayStartsAgain() {
        Universe.only(jdbc, "ETF", "AAA", "BBB", "CCC");
        API.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson("{\"Information\":\"We have detected your API key as " + KEY + " and our standard"
                        + " API rate limit is 25 requests per day. Please subscribe to any of the premium plans at"
                        + " https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.\"}")));

        RunSummary first = run();
        int askedInTheFirstRun =
                API.findAll(getRequestedFor(urlPathEqualTo("/query"))).size();
        RunSummary second = run();

        // Requests already past the pacer when the first answer came may go out; none is asked twice.
        assertThat(askedInTheFirstRun).isBetween(1, 6);
        assertThat(API.findAll(getRequestedFor(urlPathEqualTo("/query"))))
                .extracting(r -> r.queryParameter("symbol").firstValue() + " "
                        + r.queryParameter("month").firstValue())
                .doesNotHaveDuplicates();
        assertThat(first.exitCode()).isEqualTo(2);
        assertThat(first.failedSymbols()).containsExactly("AAA", "BBB", "CCC");
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT stage FROM barfeed.failure WHERE run_id = ?", String.class, first.runId()))
                .containsExactly("quota");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM barfeed.failure WHERE run_id = ?", Integer.class, first.runId()))
                .as("one open range per symbol and month")
                .isEqualTo(12);
        // The next run, the same day, asks nothing: the word is kept in barfeed.provider_quota.
        assertThat(second.line()).contains("requests=0 ");
        assertThat(second.exitCode()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM barfeed.provider_quota WHERE provider = 'alphavantage'"
                                + " AND spent_until > now()",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void theDailyBudgetIsSpentAcrossRunsAndWhatIsLeftIsRecordedForLater() {
        Universe.only(jdbc, "ETF", "AAA", "BBB", "CCC");
        for (String symbol : List.of("AAA", "BBB", "CCC")) {
            stubEmptyMonthsBut(symbol, null);
        }

        RunSummary summary = run();

        // Three symbols of four months: twelve requests for a budget of ten.
        assertThat(API.findAll(getRequestedFor(urlPathEqualTo("/query")))).hasSize(BUDGET);
        assertThat(summary.line()).contains("requests=" + BUDGET + " ");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM barfeed.failure WHERE run_id = ? AND stage = 'quota'",
                        Integer.class,
                        summary.runId()))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT requests FROM barfeed.provider_quota WHERE provider = 'alphavantage'", Long.class))
                .isEqualTo(BUDGET);
    }

    @Test
    void anErrorMessageForASymbolItDoesNotKnowIsNoBarsNotAFailure() {
        Universe.only(jdbc, "ETF", "NOPE");
        API.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("symbol", equalTo("NOPE"))
                .willReturn(okJson("{\"Error Message\":\"Invalid API call. Please retry or visit the documentation"
                        + " (https://www.alphavantage.co/documentation/) for TIME_SERIES_INTRADAY.\"}")));

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=1 bars=0 failed=0 requests=4 ");
        assertThat(summary.emptySymbols()).containsExactly("NOPE");
    }

    @Test
    void aPremiumRefusalStopsTheRunAsThePlansRefusal() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson("{\"Information\":\"Thank you for using Alpha Vantage! This is a premium endpoint."
                        + " You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to"
                        + " instantly unlock all premium endpoints\"}")));

        RunSummary summary = run();

        assertThat(summary.exitCode()).isEqualTo(4);
        assertThat(summary.message()).startsWith("Alpha Vantage's plan refused the request (Information: Thank you");
    }

    @Test
    void aRefusedKeyStopsTheRunNamingItsVariable() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson("{\"Error Message\":\"the parameter apikey is invalid or missing. Please claim your"
                        + " free API key on (https://www.alphavantage.co/support/#api-key).\"}")));

        RunSummary summary = run();

        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(summary.message()).endsWith("check ALPHAVANTAGE_API_KEY");
    }

    /** Stubs every month of a symbol without bars (an empty series), but {@code except}. */
    private void stubEmptyMonthsBut(String symbol, String except) {
        for (String month : List.of("2024-01", "2024-02", "2024-03", "2024-04")) {
            if (!month.equals(except)) {
                stubMonth(symbol, month, Map.of());
            }
        }
    }

    private void stubMonth(String symbol, String month, Map<String, String> bars) {
        API.stubFor(month(symbol, month).willReturn(okJson(page(symbol, bars))));
    }

    private static MappingBuilder month(String symbol, String month) {
        return get(urlPathEqualTo("/query"))
                .withQueryParam("symbol", equalTo(symbol))
                .withQueryParam("month", equalTo(month))
                .withQueryParam("cursor", absent());
    }

    /** Local time, open, local time, open...: bars of 15 minutes, high open + 0.5, low open - 0.5. */
    static Map<String, String> bars(String... timesAndOpens) {
        Map<String, String> bars = new LinkedHashMap<>();
        for (int i = 0; i < timesAndOpens.length; i += 2) {
            bars.put(timesAndOpens[i], timesAndOpens[i + 1]);
        }
        return bars;
    }

    /** A TIME_SERIES_INTRADAY answer as Alpha Vantage writes it, newest bar first. */
    static String page(String symbol, Map<String, String> bars) {
        String series = bars.entrySet().stream()
                .sorted(Map.Entry.<String, String>comparingByKey().reversed())
                .map(bar -> {
                    double open = Double.parseDouble(bar.getValue());
                    return String.format(
                            java.util.Locale.ROOT,
                            "\"%s\":{\"1. open\":\"%s\",\"2. high\":\"%.4f\",\"3. low\":\"%.4f\",\"4. close\":\"%s\","
                                    + "\"5. volume\":\"1200\"}",
                            bar.getKey(),
                            bar.getValue(),
                            open + 0.5,
                            open - 0.5,
                            bar.getValue());
                })
                .collect(Collectors.joining(","));
        return "{\"Meta Data\":{\"1. Information\":\"Intraday (15min) open, high, low, close prices and volume\","
                + "\"2. Symbol\":\"" + symbol + "\",\"3. Last Refreshed\":\"2024-04-02 19:45:00\",\"4. Interval\":"
                + "\"15min\",\"5. Output Size\":\"Full size\",\"6. Time Zone\":\"US/Eastern\"},"
                + "\"Time Series (15min)\":{" + series + "}}";
    }

    private List<String> storedBars(String symbol) {
        return jdbc.queryForList(
                "SELECT concat_ws(' ', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), open, high, low,"
                        + " close, volume) FROM bar WHERE symbol = ? ORDER BY ts",
                String.class,
                symbol);
    }
}
