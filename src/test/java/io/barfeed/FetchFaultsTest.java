package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.barfeed.AlpacaStub.bar;
import static io.barfeed.AlpacaStub.requestFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.http.Fault;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/** What the fetch route does about each fault of the API: retried, waited for, or recorded and moved past. */
class FetchFaultsTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("fetchfaults");
    static final String AAA = bar("2024-01-02T14:30:00Z", "10", "11", "9", "10.5", 100, 5, "10.2");
    static final String BBB = bar("2024-01-02T14:30:00Z", "20", "21", "19", "20.5", 200, 6, "20.2");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.symbols-per-request", () -> "1");
        registry.add("barfeed.fetch.retries", () -> "2");
        registry.add("barfeed.fetch.response-timeout", () -> "500ms");
        registry.add("barfeed.fetch.rate-limit-jitter", () -> "100ms");
        registry.add("barfeed.fetch.retry-delay", () -> "100ms");
    }

    @BeforeEach
    void universe() {
        API.reset();
        Universe.only(jdbc, "ETF", "AAA", "BBB");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("5xx")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(serverError())
                        .willSetStateTo("one failure"));
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("5xx")
                        .whenScenarioStateIs("one failure")
                        .willReturn(status(503))
                        .willSetStateTo("recovered"));
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("5xx")
                        .whenScenarioStateIs("recovered")
                        .willReturn(okJson(new PageBuilder().add("AAA", AAA).build(null))));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(summary.requests()).isEqualTo(4);
        assertThat(symbolsStored()).containsExactly("AAA", "BBB");
        // retry-delay is 100ms here: the first retry waits 100 ms, the second twice that.
        List<Long> aaa = requestTimes("AAA");
        assertThat(aaa).hasSize(3);
        assertThat(aaa.get(1) - aaa.get(0))
                .as("wait before the first retry, ms")
                .isGreaterThanOrEqualTo(100);
        assertThat(aaa.get(2) - aaa.get(1))
                .as("wait before the second retry, ms")
                .isGreaterThanOrEqualTo(200);
    }

    @Test
    void aRequestStillFailingIsRecordedAndTheRunGoesOn() {
        API.server().stubFor(requestFor("AAA").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.FAILED);
        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(symbolsStored()).containsExactly("BBB");
        assertThat(failures(summary)).singleElement().asString().startsWith("AAA fetch null ");
        API.server()
                .verify(3, getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)).withQueryParam("symbols", equalTo("AAA")));
    }

    @Test
    void clientErrorsAreNotRetried() {
        API.server()
                .stubFor(requestFor("AAA")
                        .willReturn(status(422).withBody("{\"code\":42210000,\"message\":\"invalid start\"}")));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(failures(summary))
                .singleElement()
                .asString()
                .startsWith("AAA fetch 422 HTTP 422 {\"code\":42210000,\"message\":\"invalid start\"}");
        API.server()
                .verify(1, getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)).withQueryParam("symbols", equalTo("AAA")));
        assertThat(symbolsStored()).containsExactly("BBB");
    }

    @Test
    void rateLimitedRequestWaitsForReset() {
        long reset = System.currentTimeMillis() / 1000 + 2;
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("429")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(status(429)
                                .withBody("{\"message\":\"too many requests.\"}")
                                .withHeader("X-RateLimit-Limit", "200")
                                .withHeader("X-RateLimit-Remaining", "0")
                                .withHeader("X-RateLimit-Reset", Long.toString(reset)))
                        .willSetStateTo("refilled"));
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("429")
                        .whenScenarioStateIs("refilled")
                        .willReturn(okJson(new PageBuilder().add("AAA", AAA).build(null))));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(symbolsStored()).containsExactly("AAA", "BBB");
        List<Long> aaaRequests = requestTimes("AAA");
        assertThat(aaaRequests).hasSize(2);
        assertThat(aaaRequests.get(1))
                .as("the retry waits for X-RateLimit-Reset")
                .isGreaterThanOrEqualTo(reset * 1000);
    }

    @Test
    void hungResponseTimesOutAndIsRecorded() {
        API.server()
                .stubFor(requestFor("AAA")
                        .willReturn(okJson(new PageBuilder().add("AAA", AAA).build(null))
                                .withFixedDelay(5000)));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(failures(summary)).singleElement().asString().containsIgnoringCase("timeout");
        assertThat(symbolsStored()).containsExactly("BBB");
    }

    @Test
    void refusedKeysStopTheRunNamingTheVariables() {
        API.server().stubFor(AlpacaStub.request(null).willReturn(status(401).withBody("{\"message\":\"forbidden.\"}")));

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.ABORTED);
        assertThat(summary.message())
                .contains("HTTP 401")
                .contains("APCA_API_KEY_ID")
                .contains("APCA_API_SECRET_KEY");
        assertThat(jdbc.queryForObject("SELECT status FROM barfeed.run WHERE id = ?", String.class, summary.runId()))
                .isEqualTo("aborted");
        // A refusal of the whole run is no hole to repair: nothing was stored, the next run starts where this one did.
        assertThat(failures(summary)).isEmpty();
    }

    @Test
    void malformedPageIsRetried() {
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("garbage")
                        .whenScenarioStateIs(STARTED)
                        .willReturn(okJson("{\"bars\":{\"AAA\":[{\"t\":\"2024-01-02T14:30:00Z\",\"o\":10"))
                        .willSetStateTo("sane"));
        API.server()
                .stubFor(requestFor("AAA")
                        .inScenario("garbage")
                        .whenScenarioStateIs("sane")
                        .willReturn(okJson(new PageBuilder().add("AAA", AAA).build(null))));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(symbolsStored()).containsExactly("AAA", "BBB");
    }

    @Test
    void badBarsAreRejectedWithTheirReasonAndTheRestStored() {
        API.server()
                .stubFor(requestFor("AAA")
                        .willReturn(okJson(new PageBuilder()
                                .add("AAA", AAA)
                                .add("AAA", AAA) // the same bar twice
                                .add(
                                        "AAA",
                                        "{\"t\":\"2024-01-02T14:45:00Z\",\"o\":NaN,\"h\":11,\"l\":9,\"c\":10,\"v\":1}")
                                .add("AAA", bar("2024-01-02T15:00:00Z", "10", "11", "9", "10", -5, 1, "10"))
                                .add("AAA", bar("2024-01-02T15:15:00Z", "10", "9", "11", "10", 5, 1, "10"))
                                .add("AAA", "{\"t\":\"2024-01-02T15:30:00Z\",\"o\":10,\"h\":11,\"l\":9,\"v\":1}")
                                .add("AAA", bar("yesterday", "10", "11", "9", "10", 5, 1, "10"))
                                .add("AAA", bar("2024-01-02T15:45:00Z", "-10", "11", "9", "10", 5, 1, "10"))
                                .build(null))));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(storedTimes()).containsExactly("AAA 2024-01-02T14:30Z", "BBB 2024-01-02T14:30Z");
        assertThat(failures(summary))
                .hasSize(7)
                .allMatch(f -> f.startsWith("AAA validate null "))
                .anyMatch(f -> f.contains("duplicate bar at 2024-01-02T14:30Z"))
                .anyMatch(f -> f.contains("price o is not a number"))
                .anyMatch(f -> f.contains("volume v is not a non-negative whole number"))
                .anyMatch(f -> f.contains("high below low"))
                .anyMatch(f -> f.contains("missing price c"))
                .anyMatch(f -> f.contains("unparseable timestamp t 'yesterday'"))
                .anyMatch(f -> f.contains("negative price o"));
    }

    @Test
    void oddSymbolsReachTheApiEncodedAndTheDatabaseBound() {
        String odd = "A B;'/\u00e9";
        jdbc.update("INSERT INTO stock (symbol) VALUES (?)", odd);
        jdbc.update(
                "INSERT INTO etf_holding (etf_id, holding_id) SELECT e.id, s.id FROM stock e, stock s"
                        + " WHERE e.symbol = 'ETF' AND s.symbol = ?",
                odd);
        API.server()
                .stubFor(requestFor(odd)
                        .willReturn(okJson(new PageBuilder()
                                .add(odd.replace("'", "\\u0027"), AAA)
                                .build(null))));
        stubOk("AAA", AAA);
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(symbolsStored()).containsExactly(odd, "AAA", "BBB");
        assertThat(API.server().getAllServeEvents())
                .anyMatch(e -> e.getRequest().getUrl().contains("symbols=A+B%3B%27%2F%C3%A9&"));
    }

    @Test
    void anEmptyUniverseAbortsTheRunNamingTheSetting() {
        jdbc.execute("TRUNCATE etf_holding");

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.ABORTED);
        assertThat(summary.message()).contains("barfeed.universe.query returned no symbols for 15Min");
    }

    private void stubOk(String symbol, String barJson) {
        API.server()
                .stubFor(requestFor(symbol)
                        .willReturn(
                                okJson(new PageBuilder().add(symbol, barJson).build(null))));
    }

    /** When the stub received each request for {@code symbol}, in epoch milliseconds, in order. */
    private static List<Long> requestTimes(String symbol) {
        return API.server().getAllServeEvents().stream()
                .filter(e ->
                        symbol.equals(e.getRequest().queryParameter("symbols").firstValue()))
                .map(e -> e.getRequest().getLoggedDate().getTime())
                .sorted()
                .toList();
    }

    private List<String> symbolsStored() {
        return jdbc.queryForList("SELECT DISTINCT symbol FROM bar ORDER BY 1", String.class);
    }

    private List<String> failures(RunSummary summary) {
        return jdbc.queryForList(
                "SELECT concat_ws(' ', symbol, stage, coalesce(http_status::text, 'null'), message)"
                        + " FROM barfeed.failure WHERE run_id = ? ORDER BY symbol",
                String.class,
                summary.runId());
    }
}
