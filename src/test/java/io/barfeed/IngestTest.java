package io.barfeed;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.barfeed.AlpacaStub.bar;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.barfeed.AlpacaStub.PageBuilder;
import io.barfeed.run.RunSummary;

/** The core ingest on barfeed's own schema: the real routes/, a real PostgreSQL, a stubbed Alpaca. */
@ExtendWith(OutputCaptureExtension.class)
@ReadsBarfeedLog
class IngestTest extends AppTest {

    static final AlpacaStub API = new AlpacaStub();
    static final String DATABASE = TestPostgres.newDatabase("ingest");

    static final String AAA_1430 =
            bar("2024-01-02T14:30:00Z", "187.15", "187.50", "186.90", "187.20", 1118, 65, "187.2357");
    static final String AAA_1445 =
            bar("2024-01-02T14:45:00.000000000Z", "187.20", "188.00", "187.10", "187.90", 2000, 80, "187.61");
    static final String BBB_1430 =
            bar("2024-01-02T14:30:00Z", "10250.5", "10300", "10200.25", "10299.99", 12, 3, "10260.123456");
    static final String BBB_1445 = bar("2024-01-02T14:45:00Z", "10299.99", "10310", "10290", "10300", 7, 2, "10301");
    static final String CCC_1430 =
            bar("2024-01-02T14:30:00Z", "0.0123", "0.0150", "0.0100", "0.0149", 5000000, 900, "0.0131");
    static final String CCC_1445 =
            bar("2024-01-02T14:45:00Z", "0.0149", "0.0160", "0.0140", "0.0155", 4000000, 850, "0.015");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        TestSettings.apply(registry, DATABASE, API.baseUrl());
        registry.add("barfeed.fetch.timeframes", () -> "15Min");
        // Far enough back that a day's revisit window before the stored bars is not cut at the backfill start.
        registry.add("barfeed.fetch.backfill-start", () -> "2023-12-20");
    }

    @BeforeEach
    void universe() {
        API.reset();
        Universe.only(jdbc, "ETF", "AAA", "BBB", "CCC");
    }

    @AfterAll
    static void stopApi() {
        API.stop();
    }

    @Test
    void oneRunLoadsEveryBarOfEveryPage() {
        stubTwoPages();

        RunSummary summary = run();

        assertThat(summary.line())
                .matches("barfeed run \\d+ finished: symbols=3 bars=6 failed=0 requests=2 seconds=\\d+\\.\\d{3}"
                        + " repaired=0 abandoned=0");
        assertThat(summary.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(storedBars())
                .containsExactly(
                        "AAA 15Min 2024-01-02T14:30:00Z 1 187.15 187.50 186.90 187.20 1118 65 187.2357",
                        "AAA 15Min 2024-01-02T14:45:00Z 1 187.20 188.00 187.10 187.90 2000 80 187.61",
                        "BBB 15Min 2024-01-02T14:30:00Z 2 10250.5 10300 10200.25 10299.99 12 3 10260.123456",
                        "BBB 15Min 2024-01-02T14:45:00Z 2 10299.99 10310 10290 10300 7 2 10301",
                        "CCC 15Min 2024-01-02T14:30:00Z 3 0.0123 0.0150 0.0100 0.0149 5000000 900 0.0131",
                        "CCC 15Min 2024-01-02T14:45:00Z 3 0.0149 0.0160 0.0140 0.0155 4000000 850 0.015");
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("symbols", equalTo("AAA,BBB,CCC"))
                                .withQueryParam("timeframe", equalTo("15Min"))
                                .withQueryParam("start", equalTo("2023-12-20T00:00:00Z"))
                                .withQueryParam("limit", equalTo("10000"))
                                .withQueryParam("adjustment", equalTo("raw"))
                                .withQueryParam("feed", equalTo("sip"))
                                .withQueryParam("page_token", absent()));
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("start", equalTo("2023-12-20T00:00:00Z"))
                                .withQueryParam("page_token", equalTo("p2")));
        assertThat(jdbc.queryForObject(
                        "SELECT status || ' ' || symbols || ' ' || bars || ' ' || failed || ' ' || requests"
                                + " FROM barfeed.run WHERE id = ?",
                        String.class,
                        summary.runId()))
                .isEqualTo("succeeded 3 6 0 2");
    }

    @Test
    void rerunAddsNoRows() {
        stubTwoPages();
        run();
        List<String> first = storedBars();
        API.reset();
        // Asked again from the newest stored bar, Alpaca sends that bar again (it may have been partial).
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", AAA_1445)
                        .add("BBB", BBB_1445)
                        .add("CCC", CCC_1445)
                        .build(null));

        RunSummary second = run();

        assertThat(storedBars()).isEqualTo(first);
        assertThat(second.failed()).isZero();
        // The revisit window: a day before the newest stored bar, for late corrections.
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("start", equalTo("2024-01-01T14:45:00Z")));
    }

    @Test
    void runAfterNewBarsAsksOnlyForTheGap() {
        stubTwoPages();
        run();
        API.reset();
        String aaa1500 = bar("2024-01-02T15:00:00Z", "187.90", "188.10", "187.80", "188.05", 900, 40, "187.98");
        String bbb1500 = bar("2024-01-02T15:00:00Z", "10300", "10301", "10299", "10300.5", 3, 1, "10300.1");
        String ccc1500 = bar("2024-01-02T15:00:00Z", "0.0155", "0.0156", "0.0150", "0.0151", 100, 7, "0.0153");
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", AAA_1445)
                        .add("AAA", aaa1500)
                        .add("BBB", BBB_1445)
                        .add("BBB", bbb1500)
                        .add("CCC", CCC_1445)
                        .add("CCC", ccc1500)
                        .build(null));

        RunSummary gap = run();

        assertThat(gap.failed()).isZero();
        assertThat(storedBars())
                .hasSize(9)
                .contains(
                        "AAA 15Min 2024-01-02T15:00:00Z 1 187.90 188.10 187.80 188.05 900 40 187.98",
                        "BBB 15Min 2024-01-02T15:00:00Z 2 10300 10301 10299 10300.5 3 1 10300.1",
                        "CCC 15Min 2024-01-02T15:00:00Z 3 0.0155 0.0156 0.0150 0.0151 100 7 0.0153");
        API.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("start", equalTo("2024-01-01T14:45:00Z")));
        API.server()
                .verify(
                        0,
                        getRequestedFor(urlPathEqualTo(AlpacaStub.PATH))
                                .withQueryParam("start", equalTo("2023-12-20T00:00:00Z")));
    }

    @Test
    void symbolsWithoutBarsAreReportedNotFailed(CapturedOutput output) {
        API.page(null, new PageBuilder().add("AAA", AAA_1430).build(null));

        RunSummary summary = run();

        assertThat(summary.status()).isEqualTo(RunSummary.Status.SUCCEEDED);
        assertThat(summary.failed()).isZero();
        assertThat(summary.emptySymbols()).containsExactly("BBB", "CCC");
        assertThat(output.getOut())
                .contains("no bars for 2 new symbols (unknown or delisted?): BBB,CCC")
                .contains(summary.line());
    }

    private void stubTwoPages() {
        // Page 1 ends in the middle of BBB; page 2 holds the rest of BBB and all of CCC.
        API.page(
                null,
                new PageBuilder()
                        .add("AAA", AAA_1430)
                        .add("AAA", AAA_1445)
                        .add("BBB", BBB_1430)
                        .build("p2"));
        API.page(
                "p2",
                new PageBuilder()
                        .add("BBB", BBB_1445)
                        .add("CCC", CCC_1430)
                        .add("CCC", CCC_1445)
                        .build(null));
    }

    private List<String> storedBars() {
        return jdbc.queryForList("""
                SELECT concat_ws(' ', symbol, timeframe, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                 stock_id, open, high, low, close, volume, trade_count, vwap)
                FROM bar ORDER BY symbol, ts""", String.class);
    }
}
