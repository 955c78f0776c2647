package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.barfeed.run.RunSummary;

/**
 * barfeed.provider=massive against a stub of Massive's aggregates, in Massive's own shapes: pages joined by
 * next_url with the key added again, an unknown ticker, 429 and 500 retried, a wrong key stopping the run, requests
 * spaced evenly at barfeed.massive.requests-per-minute.
 */
class MassiveStubTest extends AppTest {

    static final WireMockServer API = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final String DATABASE = TestPostgres.newDatabase("massive_stub");
    static final String KEY = "test-massive-key";
    // 2024-01-02T00:00Z to 2024-01-05T00:00Z, in epoch milliseconds, as the path carries them.
    static final String RANGE = "/range/1/day/1704153600000/1704412800000";
    static final int REQUESTS_PER_MINUTE = 600;

    static {
        API.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, "http://unused.invalid");
        registry.add("barfeed.provider", () -> "massive");
        registry.add("barfeed.massive.base-url", API::baseUrl);
        registry.add("MASSIVE_API_KEY", () -> KEY);
        registry.add("barfeed.massive.requests-per-minute", () -> Integer.toString(REQUESTS_PER_MINUTE));
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.fetch.until", () -> "2024-01-05T00:00:00Z");
    }

    @BeforeEach
    void reset() {
        API.resetAll();
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void pagesAreJoinedByNextUrlWithTheKeyAddedAgainAndAnUnknownTickerHasNoBars() {
        Universe.only(jdbc, "ETF", "AAA", "NOPE");
        API.stubFor(firstPage("AAA")
                .willReturn(okJson(page(
                        "AAA",
                        API.baseUrl() + "/v2/aggs/ticker/AAA" + RANGE
                                + "?cursor=p2&adjusted=false&sort=asc&limit=50000",
                        bar(
                                1704171600000L,
                                "187.15",
                                "188.44",
                                "183.885",
                                "185.64",
                                "8.2488674E7",
                                1009074,
                                "185.9465"),
                        bar(1704258000000L, "184.22", "185.88", "183.43", "184.25", "58414460", 656853, "184.3226")))));
        API.stubFor(get(urlPathEqualTo("/v2/aggs/ticker/AAA" + RANGE))
                .withQueryParam("cursor", equalTo("p2"))
                .willReturn(okJson(page(
                        "AAA",
                        null,
                        bar(
                                1704344400000L,
                                "182.15",
                                "183.0872",
                                "180.88",
                                "181.91",
                                "7.1983572E7",
                                712032,
                                "181.9")))));
        // An unknown ticker answers 200 with no results field at all.
        API.stubFor(firstPage("NOPE")
                .willReturn(okJson("{\"ticker\":\"NOPE\",\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,"
                        + "\"status\":\"OK\",\"request_id\":\"6a7e466379af0a71039d60cc78e72282\",\"count\":0}")));

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=2 bars=3 failed=0 requests=3 ");
        assertThat(storedBars())
                .containsExactly(
                        "AAA 2024-01-02T05:00:00Z 187.15 188.44 183.885 185.64 82488674 1009074 185.9465",
                        "AAA 2024-01-03T05:00:00Z 184.22 185.88 183.43 184.25 58414460 656853 184.3226",
                        "AAA 2024-01-04T05:00:00Z 182.15 183.0872 180.88 181.91 71983572 712032 181.9");
        List<LoggedRequest> requests = API.findAll(getRequestedFor(urlPathMatching("/v2/aggs/.*")));
        assertThat(requests).hasSize(3);
        assertThat(requests)
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY));
        API.verify(
                2,
                getRequestedFor(urlPathMatching("/v2/aggs/ticker/(AAA|NOPE)" + RANGE))
                        .withQueryParam("adjusted", equalTo("false"))
                        .withQueryParam("sort", equalTo("asc"))
                        .withQueryParam("limit", equalTo("50000"))
                        .withQueryParam("cursor", absent()));
    }

    @Test
    void aVolumeWithAFractionIsRejectedLoudlyNotTruncated() {
        Universe.only(jdbc, "ETF", "AAA");
        API.stubFor(firstPage("AAA")
                .willReturn(okJson(page(
                        "AAA",
                        null,
                        bar(1704171600000L, "187.15", "188.44", "183.885", "185.64", "1234.5", 10, "185.9465"),
                        bar(1704258000000L, "184.22", "185.88", "183.43", "184.25", "1.0E3", 9, "184.3226")))));

        RunSummary summary = run();

        assertThat(storedBars())
                .containsExactly("AAA 2024-01-03T05:00:00Z 184.22 185.88 183.43 184.25 1000 9 184.3226");
        assertThat(failures(summary.runId()))
                .containsExactly("AAA 1Day validate 2024-01-02T05:00Z..2024-01-02T05:00Z attempt 1 open");
    }

    @Test
    void a429AndA500AreRetried() {
        Universe.only(jdbc, "ETF", "AAA");
        // The free plan's 429 names no reset: the retry waits a second.
        API.stubFor(firstPage("AAA")
                .inScenario("faults")
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withBody("{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"You've exceeded the maximum"
                                + " requests per minute, please wait or upgrade your subscription to continue.\"}"))
                .willSetStateTo("refused once"));
        API.stubFor(firstPage("AAA")
                .inScenario("faults")
                .whenScenarioStateIs("refused once")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("failed once"));
        API.stubFor(firstPage("AAA")
                .inScenario("faults")
                .whenScenarioStateIs("failed once")
                .willReturn(okJson(page(
                        "AAA",
                        null,
                        bar(
                                1704171600000L,
                                "187.15",
                                "188.44",
                                "183.885",
                                "185.64",
                                "82488674",
                                1009074,
                                "185.9465")))));

        RunSummary summary = run();

        assertThat(summary.line()).contains("symbols=1 bars=1 failed=0 requests=3 ");
        assertThat(storedBars()).hasSize(1);
    }

    @Test
    void aWrongKeyStopsTheRunNamingMassiveApiKey() {
        Universe.only(
                jdbc, "ETF", IntStream.range(0, 30).mapToObj("S%02d"::formatted).toArray(String[]::new));
        API.stubFor(get(urlPathMatching("/v2/aggs/.*"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"status\":\"ERROR\",\"request_id\":\"x\",\"error\":\"Unknown API Key\"}")));

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.ABORTED);
        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(summary.message()).isEqualTo("Massive refused barfeed's API key (HTTP 401): check MASSIVE_API_KEY");
        assertThat(API.findAll(getRequestedFor(urlPathMatching("/v2/aggs/.*"))))
                .as("requests sent after the first refusal")
                .hasSizeLessThanOrEqualTo(8);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar", Integer.class))
                .isZero();
    }

    @Test
    void requestsAreSpacedEvenlyAtTheConfiguredRate() {
        Universe.only(jdbc, "ETF", "A1", "A2", "A3", "A4", "A5", "A6");
        API.stubFor(get(urlPathMatching("/v2/aggs/.*"))
                .willReturn(okJson("{\"queryCount\":0,\"resultsCount\":0,\"adjusted\":false,\"status\":\"OK\","
                        + "\"request_id\":\"x\",\"count\":0}")));

        run();

        List<Long> sent = API.findAll(getRequestedFor(urlPathMatching("/v2/aggs/.*"))).stream()
                .map(r -> r.getLoggedDate().getTime())
                .sorted(Comparator.naturalOrder())
                .toList();
        long spacing = 60_000 / REQUESTS_PER_MINUTE;
        System.out.printf(
                "massive pacing: %d requests at %d a minute (%d ms apart) arrived at %s%n",
                sent.size(), REQUESTS_PER_MINUTE, spacing, sent);
        assertThat(sent).hasSize(6);
        // Six requests in parallel, one slot each: every two that follow each other are a spacing apart, give or
        // take how late a thread is scheduled (a burst of requests would be 0 ms apart).
        List<Long> gaps = IntStream.range(1, sent.size())
                .mapToObj(i -> sent.get(i) - sent.get(i - 1))
                .toList();
        assertThat(gaps)
                .as("ms between requests")
                .allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(spacing / 2));
        assertThat(sent.get(5) - sent.get(0)).isGreaterThanOrEqualTo(5 * spacing - spacing / 2);
    }

    /** The first page of a ticker's request: its path, no cursor. */
    private static com.github.tomakehurst.wiremock.client.MappingBuilder firstPage(String ticker) {
        return get(urlPathEqualTo("/v2/aggs/ticker/" + ticker + RANGE)).withQueryParam("cursor", absent());
    }

    private static String page(String ticker, String nextUrl, String... bars) {
        return "{\"ticker\":\"" + ticker + "\",\"queryCount\":" + bars.length + ",\"resultsCount\":" + bars.length
                + ",\"adjusted\":false,\"results\":[" + String.join(",", bars)
                + "],\"status\":\"OK\",\"request_id\":\"6a7e466379af0a71039d60cc78e72282\",\"count\":" + bars.length
                + (nextUrl == null ? "" : ",\"next_url\":\"" + nextUrl + "\"") + "}";
    }

    /** One aggregate as Massive writes it (v as the page has it: an integer, or a double such as 8.2488674E7). */
    private static String bar(long t, String o, String h, String l, String c, String v, long n, String vw) {
        return String.format(
                "{\"v\":%s,\"vw\":%s,\"o\":%s,\"c\":%s,\"h\":%s,\"l\":%s,\"t\":%d,\"n\":%d}", v, vw, o, c, h, l, t, n);
    }

    private List<String> storedBars() {
        return jdbc.queryForList(
                "SELECT concat_ws(' ', symbol, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                        + " open, high, low, close, volume, trade_count, vwap) FROM bar ORDER BY symbol, ts",
                String.class);
    }
}
