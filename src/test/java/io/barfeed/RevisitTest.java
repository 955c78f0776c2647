package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/**
 * Late corrections land: each run asks again for barfeed.fetch.revisit (a day) before each symbol's newest stored
 * bar, and the insert writes only the bars that changed. The API here revises the newest 20 of 30 bars (late
 * trades change their volume and trade count).
 */
class RevisitTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("revisit");
    static final Instant FIRST = Instant.parse("2024-01-03T14:30:00Z");
    static final int BARS = 30;
    static final int REVISED = 20;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void theNewestBarsRevisedByTheApiAreCorrectedAndNoOtherRowIsWritten() {
        Universe.only(jdbc, "ETF", "COR");
        API.page(null, page(0));
        run();
        Map<String, String> versionsBefore = rowVersions();

        API.reset();
        API.page(null, page(REVISED));
        RunSummary second = run();

        assertThat(second.failed()).isZero();
        // The newest bar is 2024-01-03T21:45Z: the window starts a day before it.
        API.server()
                .verify(getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                        .withQueryParam("start", equalTo("2024-01-02T21:45:00Z")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM bar WHERE volume = 999", Long.class))
                .isEqualTo(REVISED);
        Map<String, String> versionsAfter = rowVersions();
        List<String> rewritten = versionsAfter.keySet().stream()
                .filter(ts -> !versionsAfter.get(ts).equals(versionsBefore.get(ts)))
                .sorted()
                .toList();
        assertThat(rewritten)
                .as("rows the second run wrote")
                .hasSize(REVISED)
                .allMatch(ts -> ts.compareTo(time(BARS - REVISED)) >= 0);
    }

    /** The 30 bars of the day, the newest {@code revised} of them with a volume and trade count revised up. */
    private static String page(int revised) {
        PageBuilder page = new PageBuilder();
        for (int i = 0; i < BARS; i++) {
            boolean late = i >= BARS - revised;
            page.add("COR", bar(time(i), "10", "11", "9", "10.5", late ? 999 : 100, late ? 77 : 5, "10.2"));
        }
        return page.build(null);
    }

    private static String time(int i) {
        return FIRST.plusSeconds(i * 900L).toString();
    }

    /** Each row's version (its xmin): a row rewritten by an UPDATE gets a new one. */
    private Map<String, String> rowVersions() {
        return jdbc
                .queryForList(
                        "SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS ts, xmin::text AS v"
                                + " FROM bar")
                .stream()
                .collect(Collectors.toMap(r -> (String) r.get("ts"), r -> (String) r.get("v")));
    }
}
