package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpEndpoint;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.ops.IngestControl;
import io.barfeed.run.RunSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * No silent hole: whatever a run did not store (a bar it rejected, a row the database refused, a request cut off
 * at its deadline) stays an open failure with its exact range, is asked for again by the next run and resolved once
 * stored; a range the API keeps answering with a bad bar is given up after barfeed.repair.max-attempts, once,
 * loudly. Each scenario has symbols of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
@ReadsBarfeedLog
class RepairTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("repair");

    // A hole two days behind the newest bar lies outside the revisit window (a day): only a repair asks for it.
    static final String T1 = "2024-01-02T14:30:00Z";
    static final String T2 = "2024-01-03T14:30:00Z";
    static final String T3 = "2024-01-05T14:30:00Z";
    static final String T3_LESS_A_DAY = "2024-01-04T14:30:00Z";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        registry.add("barfeed.fetch.symbols-per-request", () -> "1");
        registry.add("barfeed.fetch.run-timeout", () -> "3000ms");
    }

    @Autowired
    CamelContext camel;

    @Autowired
    IngestControl ingest;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        API.reset();
        jdbc.execute("ALTER TABLE bar DROP CONSTRAINT IF EXISTS ref_close_below_1000");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void aRejectedBarIsRecordedWithItsRangeAndRepairedByTheNextRun() {
        Universe.only(jdbc, "ETF", "REJ");
        API.page(null, page("REJ", good(T1), highBelowLow(T2), good(T3)));

        RunSummary first = run();

        assertThat(storedTimes()).containsExactly("REJ 2024-01-02T14:30Z", "REJ 2024-01-05T14:30Z");
        assertThat(first.failed()).isEqualTo(1);
        assertThat(failures(first.runId()))
                .containsExactly("REJ 15Min validate 2024-01-03T14:30Z..2024-01-03T14:30Z attempt 1 open");

        API.reset();
        API.server().stubFor(repairOf("REJ", T2).willReturn(okJson(page("REJ", good(T2)))));
        API.server().stubFor(normalRequestOf("REJ").willReturn(okJson(page("REJ", good(T3)))));
        RunSummary second = run();

        assertThat(storedTimes())
                .containsExactly("REJ 2024-01-02T14:30Z", "REJ 2024-01-03T14:30Z", "REJ 2024-01-05T14:30Z");
        assertThat(second.failed()).isZero();
        assertThat(second.repaired()).isEqualTo(1);
        assertThat(second.line()).endsWith(" repaired=1 abandoned=0");
        assertThat(stateOfFailuresOf(first)).isEqualTo("resolved by run " + second.runId());
        API.server().verify(1, repairRequested("REJ", T2));
    }

    @Test
    void aRowTheDatabaseRefusedIsRepairedOnceTheDatabaseTakesIt() {
        Universe.only(jdbc, "ETF", "REF");
        jdbc.execute("ALTER TABLE bar ADD CONSTRAINT ref_close_below_1000 CHECK (close < 1000)");
        API.page(null, page("REF", good(T1), closeAt5000(T2), good(T3)));

        RunSummary first = run();

        assertThat(storedTimes()).containsExactly("REF 2024-01-02T14:30Z", "REF 2024-01-05T14:30Z");
        assertThat(failures(first.runId()))
                .containsExactly("REF 15Min refused 2024-01-03T14:30Z..2024-01-03T14:30Z attempt 1 open");

        jdbc.execute("ALTER TABLE bar DROP CONSTRAINT ref_close_below_1000");
        API.reset();
        API.server().stubFor(repairOf("REF", T2).willReturn(okJson(page("REF", closeAt5000(T2)))));
        API.server().stubFor(normalRequestOf("REF").willReturn(okJson(page("REF", good(T3)))));
        RunSummary second = run();

        assertThat(storedTimes()).contains("REF 2024-01-03T14:30Z").hasSize(3);
        assertThat(second.failed()).isZero();
        assertThat(stateOfFailuresOf(first)).isEqualTo("resolved by run " + second.runId());
    }

    @Test
    void aRequestCutOffAtTheDeadlineIsFreedBeforeTheSummaryAndRepairedByTheNextRun() {
        Universe.only(jdbc, "ETF", "FAST", "SLOW");
        API.server().stubFor(AlpacaStub.requestFor("FAST").willReturn(okJson(page("FAST", good(T1)))));
        // SLOW answers after 20 s: well within its response timeout (30 s), far past the deadline (3 s).
        API.server()
                .stubFor(AlpacaStub.requestFor("SLOW")
                        .willReturn(okJson(page("SLOW", good(T1))).withFixedDelay(20_000)));

        RunSummary first = run();

        assertThat(first.seconds())
                .as("the run ends at its deadline, not with the answer")
                .isLessThan(20);
        assertThat(leasedConnections())
                .as("connections still leased after the summary")
                .isZero();
        assertThat(threadsReadingAnAnswer())
                .as("threads still reading an answer after the summary")
                .isEmpty();
        assertThat(storedTimes()).containsExactly("FAST 2024-01-02T14:30Z");
        assertThat(failures(first.runId()))
                .singleElement()
                .asString()
                .startsWith("SLOW 15Min timeout 2024-01-02T00:00Z..")
                .endsWith(" attempt 1 open");

        API.reset();
        API.server().stubFor(AlpacaStub.requestFor("FAST").willReturn(okJson(page("FAST", good(T1)))));
        API.server().stubFor(AlpacaStub.requestFor("SLOW").willReturn(okJson(page("SLOW", good(T1)))));
        RunSummary second = run();

        assertThat(storedTimes()).containsExactly("FAST 2024-01-02T14:30Z", "SLOW 2024-01-02T14:30Z");
        assertThat(second.failed()).isZero();
        assertThat(stateOfFailuresOf(first)).isEqualTo("resolved by run " + second.runId());
    }

    @Test
    void aRangeTheApiKeepsAnsweringWithABadBarIsAbandonedAfterMaxAttemptsAndReportedOnce(CapturedOutput output) {
        Universe.only(jdbc, "ETF", "BAD");
        API.page(null, page("BAD", good(T1), highBelowLow(T2), good(T3)));
        API.server().stubFor(repairOf("BAD", T2).willReturn(okJson(page("BAD", highBelowLow(T2)))));
        API.server().stubFor(normalRequestOf("BAD").willReturn(okJson(page("BAD", good(T3)))));
        double abandonedBefore =
                meters.get("barfeed.ranges.abandoned").counter().count();

        RunSummary first = run();
        RunSummary second = run();
        RunSummary third = run();
        RunSummary fourth = run();

        assertThat(failures(first.runId()))
                .containsExactly("BAD 15Min validate 2024-01-03T14:30Z..2024-01-03T14:30Z attempt 1 retried");
        assertThat(failures(second.runId()))
                .containsExactly("BAD 15Min validate 2024-01-03T14:30Z..2024-01-03T14:30Z attempt 2 retried");
        assertThat(failures(third.runId()))
                .containsExactly("BAD 15Min validate 2024-01-03T14:30Z..2024-01-03T14:30Z attempt 3 abandoned");
        assertThat(Arrays.asList(first.failed(), second.failed(), third.failed(), fourth.failed()))
                .as("symbols with open failures after each run")
                .containsExactly(1, 1, 0, 0);
        assertThat(third.abandoned()).isEqualTo(1);
        assertThat(third.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(fourth.abandoned()).isZero();
        API.server().verify(2, repairRequested("BAD", T2));
        assertThat(output.getOut().split("gave up on 1 ranges after 3 attempts", -1))
                .as("the abandoned range is reported once")
                .hasSize(2);
        assertThat(output.getOut())
                .contains("barfeed run " + third.runId() + " gave up on 1 ranges")
                .contains("BAD 15Min 2024-01-03T14:30:00Z to 2024-01-03T14:30:00Z (validate, run " + third.runId()
                        + ", attempt 3): high below low");
        assertThat(ingest.getAbandonedRanges()).anyMatch(r -> r.startsWith("BAD 15Min 2024-01-03T14:30:00Z to "));
        assertThat(meters.get("barfeed.ranges.abandoned").counter().count() - abandonedBefore)
                .isEqualTo(1);
    }

    /** The request for a symbol's hole at {@code t}, and only that bar. */
    private static MappingBuilder repairOf(String symbol, String t) {
        return AlpacaStub.requestFor(symbol).withQueryParam("start", equalTo(t)).withQueryParam("end", equalTo(t));
    }

    private static RequestPatternBuilder repairRequested(String symbol, String t) {
        return getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                .withQueryParam("symbols", equalTo(symbol))
                .withQueryParam("start", equalTo(t))
                .withQueryParam("end", equalTo(t));
    }

    /** The run's normal request for a symbol whose newest bar is T3: from the revisit window on. */
    private static MappingBuilder normalRequestOf(String symbol) {
        return AlpacaStub.requestFor(symbol).withQueryParam("start", equalTo(T3_LESS_A_DAY));
    }

    private String stateOfFailuresOf(RunSummary run) {
        return jdbc.queryForObject(
                "SELECT string_agg(DISTINCT state || ' by run ' || closed_by, ', ') FROM barfeed.failure"
                        + " WHERE run_id = ?",
                String.class,
                run.runId());
    }

    private long leasedConnections() {
        return camel.getEndpoints().stream()
                .filter(HttpEndpoint.class::isInstance)
                .map(e -> (PoolingHttpClientConnectionManager) ((HttpEndpoint) e).getClientConnectionManager())
                .mapToLong(pool -> pool.getTotalStats().getLeased())
                .sum();
    }

    /** Threads blocked in Apache HttpClient reading a response. */
    private static List<String> threadsReadingAnAnswer() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("org.apache.hc.core5.http.impl.io")))
                .map(e -> e.getKey().getName())
                .toList();
    }

    private static String page(String symbol, String... bars) {
        PageBuilder page = new PageBuilder();
        for (String bar : bars) {
            page.add(symbol, bar);
        }
        return page.build(null);
    }

    private static String good(String t) {
        return bar(t, "10", "11", "9", "10.5", 100, 5, "10.2");
    }

    private static String highBelowLow(String t) {
        return bar(t, "10", "9", "11", "10", 100, 5, "10");
    }

    private static String closeAt5000(String t) {
        return bar(t, "10", "5001", "9", "5000", 100, 5, "2000");
    }
}
