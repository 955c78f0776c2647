package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.barfeed.run.RunSummary;

/**
 * docs/providers.md's "A first provider, step by step", followed as written: its settings block goes into a copy of
 * application.yaml, its route file into the copy's routes/providers/, and barfeed loads a made-up provider's
 * bars (another JSON shape, epoch seconds, a cursor, a key in the query) with no Java written.
 */
class ThirdProviderTest {

    static final WireMockServer API = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    static final String DATABASE = TestPostgres.newDatabase("third_provider");
    static final JdbcTemplate JDBC = new JdbcTemplate(new DriverManagerDataSource(DATABASE));
    static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    static {
        API.start();
    }

    @TempDir
    Path dir;

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aProviderAddedFromTheDocsLoadsItsBars() throws IOException {
        List<String> blocks = yamlBlocks(Path.of("docs/providers.md"), "## A first provider, step by step");
        String settings = blocks.get(0);
        String route = blocks.get(1);
        AppFromCopy copy =
                new AppFromCopy(dir).edit("application.yaml", "\n  massive:\n", "\n" + settings + "  massive:\n");
        Files.writeString(dir.resolve("routes/providers/acme.camel.yaml"), route);
        API.stubFor(get(urlPathEqualTo("/v1/candles"))
                .withQueryParam("symbol", equalTo("AAA"))
                .withQueryParam("after", absent())
                .willReturn(okJson("{\"symbol\":\"AAA\",\"candles\":[{\"time\":1704205800,\"open\":1.5,\"high\":2,"
                        + "\"low\":1.25,\"close\":1.75,\"volume\":100}],\"cursor\":\"c/2\"}")));
        API.stubFor(get(urlPathEqualTo("/v1/candles"))
                .withQueryParam("symbol", equalTo("AAA"))
                .withQueryParam("after", equalTo("c/2"))
                .willReturn(okJson("{\"symbol\":\"AAA\",\"candles\":[{\"time\":1704206700,\"open\":1.75,\"high\":2.5,"
                        + "\"low\":1.5,\"close\":2.25,\"volume\":120,\"trades\":7,\"average\":2.01}],"
                        + "\"cursor\":null}")));
        API.stubFor(get(urlPathEqualTo("/v1/candles"))
                .withQueryParam("symbol", equalTo("BBB"))
                .willReturn(okJson("{\"symbol\":\"BBB\",\"candles\":[],\"cursor\":null}")));

        RunSummary summary;
        try (ConfigurableApplicationContext app = copy.start(
                DATABASE,
                "http://unused.invalid",
                "--barfeed.provider=acme",
                "--barfeed.acme.base-url=" + API.baseUrl(),
                "--ACME_TOKEN=acme-secret",
                "--barfeed.fetch.timeframes=15Min",
                "--barfeed.fetch.until=2024-01-03T00:00:00Z")) {
            Universe.only(JDBC, "ETF", "AAA", "BBB");
            summary = app.getBean(ProducerTemplate.class).requestBody("direct:run", null, RunSummary.class);
        }

        assertThat(summary.line()).contains("symbols=2 bars=2 failed=0 requests=3 ");
        assertThat(JDBC.queryForList(
                        "SELECT concat_ws(' ', symbol, timeframe, to_char(ts AT TIME ZONE 'UTC',"
                                + " 'YYYY-MM-DD\"T\"HH24:MI\"Z\"'), open, high, low, close, volume, trade_count, vwap)"
                                + " FROM bar ORDER BY symbol, ts",
                        String.class))
                .containsExactly(
                        "AAA 15Min 2024-01-02T14:30Z 1.5 2 1.25 1.75 100",
                        "AAA 15Min 2024-01-02T14:45Z 1.75 2.5 1.5 2.25 120 7 2.01");
        API.verify(
                3,
                getRequestedFor(urlPathEqualTo("/v1/candles"))
                        .withQueryParam("interval", equalTo("15minute"))
                        .withQueryParam("from", equalTo("1704153600"))
                        .withQueryParam("to", equalTo("1704240000"))
                        .withQueryParam("token", equalTo("acme-secret")));
    }

    /** The ```yaml blocks of a section of a Markdown file, in order. */
    static List<String> yamlBlocks(Path file, String heading) throws IOException {
        String text = Files.readString(file);
        int start = text.indexOf(heading);
        assertThat(start).as(file + " section " + heading).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length());
        Matcher m = YAML_BLOCK.matcher(text.substring(start, end < 0 ? text.length() : end));
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }
}
