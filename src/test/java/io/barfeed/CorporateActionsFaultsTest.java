package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.quota.QuotaGate;
import io.barfeed.run.RunSummary;

/**
 * A request for corporate actions fails as a request for bars may: it is retried the same way, gives its quota slot
 * back whatever happens, and when it still fails the run goes on and the next one asks again.
 */
class CorporateActionsFaultsTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("actions_faults");
    static final String ACTIONS = "/v1/corporate-actions";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "1Day");
        registry.add("barfeed.alpaca.corporate-actions.types", () -> "forward_split");
    }

    @Autowired
    QuotaGate quotaGate;

    @BeforeEach
    void arrange() {
        API.reset();
        Universe.anew(jdbc, "ETF", "AAA");
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", bar("2024-01-02T05:00:00Z", "1", "2", "0.5", "1.5", 10, 1, "1.2"))
                        .build(null));
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aFailingActionsRequestIsRetriedGivesItsQuotaBackAndTheRunGoesOn() {
        API.server().stubFor(get(urlPathEqualTo(ACTIONS)).willReturn(aResponse().withStatus(500)));

        RunSummary summary = run();

        assertThat(summary.failed()).as("the bars were stored all the same").isZero();
        assertThat(summary.bars()).isEqualTo(1);
        API.server().verify(1 + 3, getRequestedFor(urlPathEqualTo(ACTIONS))); // barfeed.fetch.retries: 3
        assertThat(quotaGate.inFlight()).as("quota slots not given back").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM barfeed.action_coverage", Long.class))
                .as("the next run asks for them again")
                .isZero();
    }

    @Test
    void anActionsPageThatFailedOnceIsAskedForAgainAndRecorded() {
        API.server()
                .stubFor(get(urlPathEqualTo(ACTIONS))
                        .inScenario("actions")
                        .whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(aResponse().withStatus(503))
                        .willSetStateTo("up"));
        API.server()
                .stubFor(get(urlPathEqualTo(ACTIONS))
                        .inScenario("actions")
                        .whenScenarioStateIs("up")
                        .willReturn(okJson("""
                        {"corporate_actions": {"forward_splits": [{"id": "s-1", "symbol": "AAA",
                          "ex_date": "2024-01-03", "process_date": "2024-01-03", "old_rate": 1, "new_rate": 2}]},
                         "next_page_token": null}""")));

        RunSummary summary = run();

        assertThat(summary.failed()).isZero();
        assertThat(jdbc.queryForList("SELECT id FROM barfeed.corporate_action", String.class))
                .containsExactly("s-1");
        assertThat(quotaGate.inFlight()).isZero();
    }
}
