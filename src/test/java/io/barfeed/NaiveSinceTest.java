package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.TimeZone;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A universe query's {@code since} without a time zone is a UTC wall-clock time, whatever the JVM's zone: barfeed
 * reads it as such explicitly (io.barfeed.store.UtcRows), not through a global default zone. Surefire runs this test
 * in New York's zone too (pom.xml, execution new-york), where a zone-dependent reading asks from five hours later.
 */
class NaiveSinceTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("naive_since");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        // The newest bar as a naive timestamp, as the classic schema's stock_price.dt stores it.
        registry.add(
                "barfeed.universe.query",
                () -> "SELECT s.id AS stock_id, s.symbol, TIMESTAMP '2024-01-03 21:45:00' AS since FROM stock s"
                        + " WHERE NOT s.is_etf");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aNaiveSinceIsReadAsUtcInAnyZone() {
        Universe.only(jdbc, "ETF", "AAA");
        API.page(null, AlpacaStub.pageJson(java.util.Map.of(), null));

        run();

        API.server()
                .verify(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                        .withQueryParam("start", equalTo("2024-01-02T21:45:00Z"))); // a day's revisit before it
        System.out.printf(
                "naive since read in the JVM zone %s%n", TimeZone.getDefault().getID());
    }
}
