package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/** The API keys reach the API, and nothing else: not the log, the run tables, the endpoints or the settings. */
@ExtendWith(OutputCaptureExtension.class)
@ReadsBarfeedLog
class SecretsTest extends AppTest {

    static final String KEY_ID = "PKTESTKEYID0123456789";
    static final String SECRET = "s3cr3t-Do-Not-Log-9f8e7d6c5b4a";
    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("secrets");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.symbols-per-request", () -> "1");
        registry.add("barfeed.fetch.retries", () -> "1");
        registry.add("APCA_API_KEY_ID", () -> KEY_ID);
        registry.add("APCA_API_SECRET_KEY", () -> SECRET);
    }

    @Autowired
    CamelContext camel;

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void keysGoToTheApiAndNowhereElse(CapturedOutput output) throws Exception {
        Universe.etf(jdbc, "ETF", "AAA", "BBB", "CCC");
        API.server().stubFor(AlpacaStub.request(null).atPriority(10).willReturn(status(401)));
        API.server()
                .stubFor(AlpacaStub.requestFor("AAA")
                        .atPriority(1)
                        .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                        .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                        .willReturn(okJson(new PageBuilder()
                                .add("AAA", bar("2024-01-02T14:30:00Z", "1", "2", "0.5", "1.5", 1, 1, "1"))
                                .build(null))));
        API.server()
                .stubFor(AlpacaStub.requestFor("BBB")
                        .atPriority(1)
                        .withHeader("APCA-API-KEY-ID", equalTo(KEY_ID))
                        .willReturn(serverError().withBody("{\"message\":\"boom\"}")));

        RunSummary loaded = run();
        // CCC is refused (401): the run stops, with retries, dead letters and an abort all logged.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar WHERE symbol = 'AAA'", Long.class))
                .isEqualTo(1);
        assertThat(loaded.status()).isEqualTo(RunSummary.Status.ABORTED);

        String everything = output.getAll()
                + String.join(
                        "\n",
                        jdbc.queryForList("SELECT concat_ws(' ', status, message) FROM barfeed.run", String.class))
                + String.join("\n", jdbc.queryForList("SELECT message FROM barfeed.failure", String.class))
                + camel.getEndpoints().toString()
                + Files.readString(Path.of("application.yaml"));
        assertThat(everything)
                .contains("HTTP 500")
                .contains("APCA_API_KEY_ID")
                .doesNotContain(KEY_ID)
                .doesNotContain(SECRET);
    }
}
