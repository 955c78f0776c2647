package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/** A request still running when barfeed.fetch.run-timeout-ms runs out: its symbols fail and are recorded. */
@CamelSpringBootTest
@SpringBootTest(classes = BarfeedApplication.class)
@DirtiesContext
class RunTimeoutTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("runtimeout");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.symbols-per-request", () -> "1");
        registry.add("barfeed.fetch.run-timeout-ms", () -> "1500");
    }

    @Autowired
    ProducerTemplate template;

    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aRequestPastTheRunTimeoutIsCountedFailedAndRecorded() {
        Universe.etf(jdbc, "ETF", "AAA", "BBB");
        String aaa = bar("2024-01-02T14:30:00Z", "10", "11", "9", "10", 1, 1, "10");
        String bbb = bar("2024-01-02T14:30:00Z", "20", "21", "19", "20", 1, 1, "20");
        // AAA answers within its response timeout, but after the run's timeout.
        API.server()
                .stubFor(AlpacaStub.requestFor("AAA")
                        .willReturn(okJson(new PageBuilder().add("AAA", aaa).build(null))
                                .withFixedDelay(4000)));
        API.server()
                .stubFor(AlpacaStub.requestFor("BBB")
                        .willReturn(okJson(new PageBuilder().add("BBB", bbb).build(null))));

        RunSummary summary = template.requestBody("direct:run", null, RunSummary.class);

        assertThat(summary.failedSymbols()).containsExactly("AAA");
        assertThat(jdbc.queryForList(
                        "SELECT symbol || ' ' || timeframe || ' ' || stage || ' ' || message FROM barfeed.failure"
                                + " WHERE run_id = ?",
                        String.class,
                        summary.runId()))
                .containsExactly("AAA 15Min timeout request not finished"
                        + " within barfeed.fetch.run-timeout-ms (1500 ms); the next run fetches it again");
    }
}
