package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.run.RunSummary;

/**
 * The provider refusing the run stops it fast: after the first refusal no new request starts (214 one-symbol
 * requests, 6 in parallel), and the message and the exit code say whether the keys or the plan were refused.
 */
class RefusalTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("refusal");
    static final int SYMBOLS = 214;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.symbols-per-request", () -> "1");
        registry.add("barfeed.fetch.parallelism", () -> "6");
    }

    @BeforeAll
    static void universe(@Autowired JdbcTemplate jdbc) {
        Universe.only(
                jdbc,
                "ETF",
                IntStream.range(0, SYMBOLS).mapToObj(i -> "S%03d".formatted(i)).toArray(String[]::new));
    }

    @BeforeEach
    void resetApi() {
        API.reset();
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void refusedKeysStopTheRunAfterAHandfulOfRequestsNamingTheVariables() {
        // Alpaca answers a bad key with nginx's HTML page.
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "text/html")
                                .withBody("<html><head><title>401 Authorization Required</title></head></html>")));

        RunSummary summary = run();

        int sent = API.server()
                .findAll(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)))
                .size();
        System.out.printf("refused keys: %d of %d planned requests sent%n", sent, SYMBOLS);
        assertThat(sent).as("requests sent after the first refusal").isLessThanOrEqualTo(12);
        assertThat(summary.requests()).as("requests counted in the summary").isEqualTo(sent);
        assertThat(summary.status()).isEqualTo(RunSummary.Status.ABORTED);
        assertThat(summary.exitCode()).isEqualTo(3);
        assertThat(summary.message())
                .isEqualTo(
                        "Alpaca refused barfeed's API keys (HTTP 401): check APCA_API_KEY_ID and APCA_API_SECRET_KEY");
        assertThat(jdbc.queryForObject(
                        "SELECT status || ' ' || message FROM barfeed.run WHERE id = ?", String.class, summary.runId()))
                .startsWith("aborted Alpaca refused barfeed's API keys");
    }

    @Test
    void aPlanRefusingRecentDataIsToldApartFromRefusedKeys() {
        API.server()
                .stubFor(AlpacaStub.request(null)
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\":\"subscription does not permit querying recent SIP data\"}")));

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.REFUSED_BY_PLAN);
        assertThat(summary.exitCode()).isEqualTo(4);
        assertThat(summary.message())
                .startsWith("Alpaca's plan refused the request (HTTP 403 {\"message\":\"subscription does not permit")
                .contains("raise barfeed.alpaca.end-delay (now 16m")
                .doesNotContain("APCA_API_KEY_ID");
        assertThat(API.server().findAll(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))))
                .hasSizeLessThanOrEqualTo(12);
    }
}
