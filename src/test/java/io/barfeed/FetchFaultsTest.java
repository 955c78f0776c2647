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
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.http.Fault;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/** What the fetch route does about each fault of the API: retried, waited for, or recorded and moved past. */
@CamelSpringBootTest
@SpringBootTest(classes = BarfeedApplication.class)
@DirtiesContext
class FetchFaultsTest {

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
        registry.add("barfeed.fetch.response-timeout-ms", () -> "500");
        registry.add("barfeed.fetch.rate-limit-jitter", () -> "100ms");
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void universe() {
        API.reset();
        jdbc.execute("TRUNCATE bar, etf_holding, stock RESTART IDENTITY CASCADE");
        Universe.etf(jdbc, "ETF", "AAA", "BBB");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() {
        API.server().stubFor(request("AAA").inScenario("5xx").whenScenarioStateIs(STARTED)
                .willReturn(serverError()).willSetStateTo("one failure"));
        API.server().stubFor(request("AAA").inScenario("5xx").whenScenarioStateIs("one failure")
                .willReturn(status(503)).willSetStateTo("recovered"));
        API.server().stubFor(request("AAA").inScenario("5xx").whenScenarioStateIs("recovered")
                .willReturn(okJson(new PageBuilder().add("AAA", AAA).build(null))));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(summary.requests()).isEqualTo(4);
        assertThat(symbolsStored()).containsExactly("AAA", "BBB");
    }

    @Test
    void aRequestStillFailingIsRecordedAndTheRunGoesOn() {
        API.server().stubFor(request("AAA").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.FAILED);
        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(symbolsStored()).containsExactly("BBB");
        assertThat(failures(summary)).singleElement().asString().startsWith("AAA fetch null ");
        API.server().verify(3, getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)).withQueryParam("symbols", equalTo("AAA")));
    }

    @Test
    void clientErrorsAreNotRetried() {
        API.server().stubFor(request("AAA").willReturn(status(422).withBody("{\"code\":42210000,\"message\":\"invalid start\"}")));
        stubOk("BBB", BBB);

        RunSummary summary = run();

        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(failures(summary)).singleElement().asString()
                .startsWith("AAA fetch 422 HTTP 422 {\"code\":42210000,\"message\":\"invalid start\"}");
        API.server().verify(1, getRequestedFor(urlPathEqualTo(AlpacaStub.PATH)).withQueryParam("symbols", equalTo("AAA")));
        assertThat(symbolsStored()).containsExactly("BBB");
    }

    private void stubOk(String symbol, String barJson) {
        API.server().stubFor(request(symbol).willReturn(okJson(new PageBuilder().add(symbol, barJson).build(null))));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder request(String symbol) {
        return AlpacaStub.request(null).withQueryParam("symbols", equalTo(symbol));
    }

    private RunSummary run() {
        return template.requestBody("direct:run", null, RunSummary.class);
    }

    private List<String> symbolsStored() {
        return jdbc.queryForList("SELECT DISTINCT symbol FROM bar ORDER BY 1", String.class);
    }

    private List<String> failures(RunSummary summary) {
        return jdbc.queryForList("SELECT concat_ws(' ', symbol, stage, coalesce(http_status::text, 'null'), message)"
                + " FROM barfeed.failure WHERE run_id = ? ORDER BY symbol", String.class, summary.runId());
    }
}
