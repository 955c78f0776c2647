package io.barfeed.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.barfeed.fetch.BarsPage.RejectedBar;
import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * The page reader on the shapes Alpaca and Massive really send (learnt from recorded responses; every value here is
 * made up): each test reads one small page with a reader configured as the provider's route file configures it.
 * Pages are written with single quotes for readability ({@link #json}).
 */
class JsonBarsReaderTest {

    static final Instant START = Instant.parse("2024-01-02T00:00:00Z");
    static final Instant END = Instant.parse("2024-01-03T00:00:00Z");
    // Listed out of alphabetical order, as the planner may pack them.
    static final PlannedRequest AAA_BBB =
            new PlannedRequest("1Min", List.of(symbol(2, "BBB"), symbol(1, "AAA")), START, END);
    static final PlannedRequest XYZ = new PlannedRequest("1Min", List.of(symbol(7, "XYZ")), START, END);
    static final PlannedRequest XYZ_DAILY =
            new PlannedRequest("1Day", List.of(symbol(7, "XYZ")), START, Instant.parse("2024-02-01T00:00:00Z"));

    // Bars of a minute session, and their rows as rendered by row().
    static final String AAA_1430 = bar("2024-01-02T14:30:00Z", "41.1 41.3 41.05 41.27", "5120", "118", "41.1934");
    static final String AAA_1431 = bar("2024-01-02T14:31:00Z", "41.27 41.4 41.2 41.38", "3307", "96", "41.3012");
    static final String AAA_1432 = bar("2024-01-02T14:32:00Z", "41.38 41.39 41.1 41.15", "2810", "77", "41.2475");
    static final String BBB_1430 = bar("2024-01-02T14:30:00Z", "12.5 12.58 12.49 12.55", "80412", "640", "12.5367");
    static final String BBB_1431 = bar("2024-01-02T14:31:00Z", "12.55 12.6 12.52 12.52", "61200", "511", "12.5621");
    static final String AAA_1430_ROW = "AAA#1 2024-01-02T14:30:00Z 41.1 41.3 41.05 41.27 5120 118 41.1934";
    static final String AAA_1431_ROW = "AAA#1 2024-01-02T14:31:00Z 41.27 41.4 41.2 41.38 3307 96 41.3012";
    static final String AAA_1432_ROW = "AAA#1 2024-01-02T14:32:00Z 41.38 41.39 41.1 41.15 2810 77 41.2475";
    static final String BBB_1430_ROW = "BBB#2 2024-01-02T14:30:00Z 12.5 12.58 12.49 12.55 80412 640 12.5367";
    static final String BBB_1431_ROW = "BBB#2 2024-01-02T14:31:00Z 12.55 12.6 12.52 12.52 61200 511 12.5621";

    // Alpaca: one page of many symbols, {"bars": {"AAA": [...], ...}, "next_page_token": ...}.

    @Test
    void anAlpacaMultiSymbolPageGivesEachSymbolsRowsInSymbolThenTimeOrderAndKeepsTheNextToken() throws IOException {
        // Out of order on purpose: the reader orders the rows itself.
        String page = json("{'bars':{'BBB':[" + BBB_1431 + "," + BBB_1430 + "],'AAA':[" + AAA_1431 + "," + AAA_1430
                + "]},'next_page_token':'QkJCfE18MjAyNC0wMS0wMlQxNDozMTowMFo='}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1431_ROW, BBB_1430_ROW, BBB_1431_ROW);
        assertThat(read.rows())
                .allSatisfy(row -> assertThat(row.get("timeframe")).isEqualTo("1Min"));
        assertThat(read.nextPageToken()).isEqualTo("QkJCfE18MjAyNC0wMS0wMlQxNDozMTowMFo=");
        assertThat(read.bySymbol())
                .containsOnly(
                        Map.entry("AAA", new SymbolTally(2, Instant.parse("2024-01-02T14:31:00Z"))),
                        Map.entry("BBB", new SymbolTally(2, Instant.parse("2024-01-02T14:31:00Z"))));
        assertThat(read.rejected()).isEmpty();
        assertThat(read.unexpectedSymbols()).isEmpty();
    }

    @Test
    void aHolidayPageWithEmptyBarsHasNoRowsAndNoNextPage() throws IOException {
        BarsPage read = read(alpacaBars(), AAA_BBB, "{\"bars\":{},\"next_page_token\":null}");

        assertThat(read.rows()).isEmpty();
        assertThat(read.nextPageToken()).isNull();
        assertThat(read.bySymbol()).isEmpty();
        assertThat(read.rejected()).isEmpty();
        assertThat(read.unexpectedSymbols()).isEmpty();
    }

    @Test
    void nullBarsAreAPageWithoutRowsNotAnError() throws IOException {
        BarsPage read = read(alpacaBars(), AAA_BBB, "{\"bars\":null,\"next_page_token\":null}");

        assertThat(read.rows()).isEmpty();
        assertThat(read.nextPageToken()).isNull();
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void aSymbolWhoseBarsAreNullHasNoRowsAndTheOtherSymbolsAreKept() throws IOException {
        String page = json("{'bars':{'AAA':null,'BBB':[" + BBB_1430 + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(BBB_1430_ROW);
        assertThat(read.bySymbol()).containsOnlyKeys("BBB");
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void integerPricesAndTrailingZerosAreKeptExactlyAsWritten() throws IOException {
        String page = json("{'bars':{'AAA':["
                + "{'t':'2024-01-02T14:30:00Z','o':174,'h':176,'l':173.50,'c':175.10,'v':9000,'n':800,'vw':175},"
                + "{'t':'2024-01-02T14:31:00Z','o':10412,'h':10412.0000,'l':0.0001,'c':1.0415E4,'v':1,'vw':10412}"
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read))
                .containsExactly(
                        "AAA#1 2024-01-02T14:30:00Z 174 176 173.50 175.10 9000 800 175",
                        "AAA#1 2024-01-02T14:31:00Z 10412 10412.0000 0.0001 1.0415E4 1 null 10412");
        // The insert binds them as the decimals they write.
        assertThat(read.rows().get(1).get("close")).hasToString("10415");
        assertThat(read.rows().get(0).get("low")).hasToString("173.50");
    }

    @Test
    void barsWithoutTradeCountAndVwapAreStoredWithNulls() throws IOException {
        // A bar with n and vw before and after them: nothing of one bar is left over for the next.
        String page = json("{'bars':{'AAA':[" + AAA_1430 + ","
                + bar("2024-01-02T14:31:00Z", "41.27 41.4 41.2 41.38", "3307", null, null) + ","
                + bar("2024-01-02T14:32:00Z", "41.38 41.39 41.1 41.15", "2810", "77", null) + "]},"
                + "'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read))
                .containsExactly(
                        AAA_1430_ROW,
                        "AAA#1 2024-01-02T14:31:00Z 41.27 41.4 41.2 41.38 3307 null null",
                        "AAA#1 2024-01-02T14:32:00Z 41.38 41.39 41.1 41.15 2810 77 null");
        assertThat(read.rows().get(1).get("trade_count")).isNull();
        assertThat(read.rows().get(1).get("vwap")).isNull();
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void anEmptyNextPageTokenMeansTheLastPage() throws IOException {
        String page = json("{'bars':{'AAA':[" + AAA_1430 + "]},'next_page_token':''}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(read.nextPageToken()).isNull();
        assertThat(rows(read)).containsExactly(AAA_1430_ROW);
    }

    @Test
    void aPageWithoutANextPageTokenIsTheLastPage() throws IOException {
        BarsPage read = read(alpacaBars(), AAA_BBB, json("{'bars':{'AAA':[" + AAA_1430 + "]}}"));

        assertThat(read.nextPageToken()).isNull();
        assertThat(rows(read)).containsExactly(AAA_1430_ROW);
    }

    @Test
    void aPrettyPrintedPageWithAlphabeticalKeysReadsLikeACompactOne() throws IOException {
        String page = """
                {
                  "bars": {
                    "AAA": [
                      {
                        "c": 41.27,
                        "h": 41.3,
                        "l": 41.05,
                        "n": 118,
                        "o": 41.1,
                        "t": "2024-01-02T14:30:00Z",
                        "v": 5120,
                        "vw": 41.1934
                      },
                      {
                        "c": 41.38,
                        "h": 41.4,
                        "l": 41.2,
                        "n": 96,
                        "o": 41.27,
                        "t": "2024-01-02T14:31:00Z",
                        "v": 3307,
                        "vw": 41.3012
                      }
                    ]
                  },
                  "next_page_token": "QUFBfE18MjAyNC0wMS0wMlQxNDozMTowMFo="
                }
                """;

        for (String variant : List.of(page, page.replace("\n", "\r\n"), page.replace("  ", "\t"))) {
            BarsPage read = read(alpacaBars(), AAA_BBB, variant);

            assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1431_ROW);
            assertThat(read.nextPageToken()).isEqualTo("QUFBfE18MjAyNC0wMS0wMlQxNDozMTowMFo=");
        }
    }

    @Test
    void fractionsOfASecondUpToNanosecondsAreKept() throws IOException {
        String page = json("{'bars':{'AAA':["
                + bar("2024-01-02T14:45:00.000000000Z", "41.1 41.3 41.05 41.27", "10", null, null) + ","
                + bar("2024-01-02T14:46:00.5Z", "41.1 41.3 41.05 41.27", "11", null, null) + ","
                + bar("2024-01-02T14:47:00.08960768Z", "41.1 41.3 41.05 41.27", "12", null, null) + ","
                + bar("2024-01-02T14:48:00.000000001Z", "41.1 41.3 41.05 41.27", "13", null, null)
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read))
                .containsExactly(
                        "AAA#1 2024-01-02T14:45:00Z 41.1 41.3 41.05 41.27 10 null null",
                        "AAA#1 2024-01-02T14:46:00.500Z 41.1 41.3 41.05 41.27 11 null null",
                        "AAA#1 2024-01-02T14:47:00.089607680Z 41.1 41.3 41.05 41.27 12 null null",
                        "AAA#1 2024-01-02T14:48:00.000000001Z 41.1 41.3 41.05 41.27 13 null null");
        assertThat(read.rows()).extracting(BarRow::nano).containsExactly(0, 500_000_000, 89_607_680, 1);
    }

    @Test
    void aTimestampWithAnOffsetIsReadAsTheSameInstantInUtc() throws IOException {
        // BarTime reads the usual "...Z" form itself and hands any other to Instant.parse, which takes offsets.
        String page = json("{'bars':{'AAA':["
                + bar("2024-01-02T09:45:00-05:00", "41.1 41.3 41.05 41.27", "10", null, null) + ","
                + bar("2024-01-02T14:46:00+00:00", "41.1 41.3 41.05 41.27", "11", null, null) + ","
                + bar("2024-01-02T15:47:00.25+01:00", "41.1 41.3 41.05 41.27", "12", null, null)
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read))
                .containsExactly(
                        "AAA#1 2024-01-02T14:45:00Z 41.1 41.3 41.05 41.27 10 null null",
                        "AAA#1 2024-01-02T14:46:00Z 41.1 41.3 41.05 41.27 11 null null",
                        "AAA#1 2024-01-02T14:47:00.250Z 41.1 41.3 41.05 41.27 12 null null");
        assertThat(read.rows().get(0).ts()).hasToString("2024-01-02T14:45Z");
    }

    @Test
    void extraTopLevelFieldsAndUnknownBarFieldsAreIgnored() throws IOException {
        // Unknown values that hold fields named like the page's and the bar's, placed after the real ones:
        // read as the page's or the bar's, they would change the result.
        String page = json("{'currency':'USD','symbol':'BBB','next_page_token':null,"
                + "'bars':{'AAA':[{'t':'2024-01-02T14:30:00Z','o':41.1,'h':41.3,'l':41.05,'c':41.27,'v':5120,"
                + "'n':118,'vw':41.1934,'x':'odd','extra':{'n':5,'t':'2020-01-01T00:00:00Z','o':{'c':1}},"
                + "'list':[1,{'v':2},[3]],'flag':true,'none':null}]},"
                + "'meta':{'bars':{'AAA':[" + AAA_1431 + "]},'next_page_token':'inner'},"
                + "'trailer':[{'bars':null},'next_page_token'],'count':1}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW);
        assertThat(read.nextPageToken()).isNull();
        assertThat(read.rejected()).isEmpty();
        assertThat(read.unexpectedSymbols()).isEmpty();
    }

    @Test
    void alpacasOldSingleSymbolShapeBelongsToTheRequestsOnlySymbol() throws IOException {
        JsonBarsReader reader = alpacaBars();
        reader.setSymbol("symbol");
        String page = json("{'bars':["
                + bar("2024-01-02T14:30:00Z", "7.01 7.05 6.98 7.04", "1500", null, null) + ","
                + bar("2024-01-02T14:31:00Z", "7.04 7.06 7.02 7.02", "900", null, null)
                + "],'symbol':'XYZ','next_page_token':'MjAyNC0wMS0wMlQxNDozMTowMFo7MQ=='}");

        BarsPage read = read(reader, XYZ, page);

        assertThat(rows(read))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 7.01 7.05 6.98 7.04 1500 null null",
                        "XYZ#7 2024-01-02T14:31:00Z 7.04 7.06 7.02 7.02 900 null null");
        assertThat(read.nextPageToken()).isEqualTo("MjAyNC0wMS0wMlQxNDozMTowMFo7MQ==");
    }

    @Test
    void anOldSingleSymbolPageWithNullBarsHasNoRows() throws IOException {
        JsonBarsReader reader = alpacaBars();
        reader.setSymbol("symbol");

        BarsPage read = read(reader, XYZ, json("{'bars':null,'next_page_token':null,'symbol':'XYZ'}"));

        assertThat(read.rows()).isEmpty();
        assertThat(read.nextPageToken()).isNull();
    }

    @Test
    void aSingleSymbolPageNamingAnotherSymbolThanTheRequestsIsRejected() {
        JsonBarsReader reader = alpacaBars();
        reader.setSymbol("symbol");
        String page = json("{'bars':[" + bar("2024-01-02T14:30:00Z", "7.01 7.05 6.98 7.04", "1500", null, null)
                + "],'symbol':'QQQ','next_page_token':null}");

        assertThatThrownBy(() -> read(reader, XYZ, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("QQQ")
                .hasMessageContaining("XYZ");
    }

    @Test
    void oneArrayOfBarsForARequestOfManySymbolsIsRejected() {
        String page = json("{'bars':[" + AAA_1430 + "],'next_page_token':null}");

        assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("one array of bars for a request of 2 symbols");
    }

    // Massive: one ticker a page, {"ticker": ..., "results": [{..., "t": epoch ms}], "next_url": ...}.

    @Test
    void aMassivePageHasEpochMillisTimesExponentVolumesAndItsNextUrlKept() throws IOException {
        String nextUrl = "https://api.massive.com/v2/aggs/ticker/XYZ/range/1/day/1704258000000/1706745600000"
                + "?cursor=bGltaXQ9MiZzb3J0PWFzYw";
        String page = json("{'ticker':'XYZ','queryCount':2,'resultsCount':2,'adjusted':true,'results':["
                + "{'v':8.2488674E7,'vw':52.1183,'o':51.9,'c':52.35,'h':52.6,'l':51.75,'t':1704171600000,'n':412873},"
                + "{'v':6.1203e+06,'vw':52.4,'o':52.3,'c':52.41,'h':52.9,'l':52.02,'t':1704258000000,'n':98021,"
                + "'otc':false}],'status':'OK','request_id':'5e1d0c7a9b','count':2,'next_url':'" + nextUrl + "'}");

        BarsPage read = read(massiveBars(), XYZ_DAILY, page);

        assertThat(rows(read))
                .containsExactly(
                        "XYZ#7 2024-01-02T05:00:00Z 51.9 52.6 51.75 52.35 82488674 412873 52.1183",
                        "XYZ#7 2024-01-03T05:00:00Z 52.3 52.9 52.02 52.41 6120300 98021 52.4");
        assertThat(read.rows())
                .allSatisfy(row -> assertThat(row.get("timeframe")).isEqualTo("1Day"));
        assertThat(read.nextPageToken()).isEqualTo(nextUrl);
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void aMassivePageWithoutResultsHasNoRows() throws IOException {
        // What Massive answers for a ticker it does not know, or a range without trades.
        String page = json("{'ticker':'XYZ','queryCount':0,'resultsCount':0,'adjusted':true,'status':'OK',"
                + "'request_id':'77aa01b2c3'}");

        BarsPage read = read(massiveBars(), XYZ_DAILY, page);

        assertThat(read.rows()).isEmpty();
        assertThat(read.nextPageToken()).isNull();
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void aMassivePageOfAnotherTickerIsRejectedWhereverTheTickerStands() {
        String page = json("{'results':[{'v':100,'o':1.5,'c':1.6,'h':1.7,'l':1.4,'t':1704171600000}],"
                + "'ticker':'ABC','status':'OK'}");

        assertThatThrownBy(() -> read(massiveBars(), XYZ_DAILY, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ABC")
                .hasMessageContaining("XYZ");
    }

    // Bad bars: each rejected with its reason, the rest of the page stored.

    @Test
    void aVolumeWithAFractionRejectsThatBarAndKeepsTheOthers() throws IOException {
        String page = json("{'bars':{'AAA':[" + AAA_1430 + ","
                + bar("2024-01-02T14:31:00Z", "41.27 41.4 41.2 41.38", "1234.5", "96", "41.3012") + ","
                + AAA_1432 + "],'BBB':[" + BBB_1430 + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1432_ROW, BBB_1430_ROW);
        assertThat(read.rejected()).hasSize(1);
        RejectedBar rejected = read.rejected().get(0);
        assertThat(rejected.symbol()).isEqualTo("AAA");
        assertThat(rejected.t()).isEqualTo("2024-01-02T14:31:00Z");
        assertThat(rejected.reason())
                .startsWith("volume v is not a non-negative whole number")
                .contains("v=1234.5");
        assertThat(read.bySymbol().get("AAA")).isEqualTo(new SymbolTally(2, Instant.parse("2024-01-02T14:32:00Z")));
    }

    static Stream<Arguments> aBadBarIsRejectedWithItsReasonAndTheRestOfThePageKept() {
        String t = "'t':'2024-01-02T14:31:00Z',";
        return Stream.of(
                arguments("missing close", "{" + t + "'o':41.2,'h':41.3,'l':41.1,'v':900}", "missing price c"),
                arguments("null open", "{" + t + "'o':null,'h':41.3,'l':41.1,'c':41.2,'v':900}", "missing price o"),
                arguments(
                        "negative low", "{" + t + "'o':41.2,'h':41.3,'l':-41.1,'c':41.2,'v':900}", "negative price l"),
                arguments("high below low", "{" + t + "'o':41.2,'h':41.0,'l':41.3,'c':41.2,'v':900}", "high below low"),
                arguments(
                        "text price",
                        "{" + t + "'o':'abc','h':41.3,'l':41.1,'c':41.2,'v':900}",
                        "price o is not a number"),
                arguments(
                        "object price",
                        "{" + t + "'o':41.2,'h':{'value':41.3},'l':41.1,'c':41.2,'v':900}",
                        "price h is not a number"),
                arguments(
                        "NaN close",
                        "{" + t + "'o':41.2,'h':41.3,'l':41.1,'c':NaN,'v':900}",
                        "price c is not a number"),
                arguments(
                        "missing volume",
                        "{" + t + "'o':41.2,'h':41.3,'l':41.1,'c':41.2}",
                        "missing or non-numeric volume v"),
                arguments(
                        "negative volume",
                        "{" + t + "'o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':-5}",
                        "volume v is not a non-negative whole number below 2^63"),
                arguments(
                        "fractional trade count",
                        "{" + t + "'o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':5,'n':1.5}",
                        "trade count n is not a non-negative whole number below 2^63"),
                arguments(
                        "negative vwap",
                        "{" + t + "'o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':5,'vw':-41.2}",
                        "vwap vw is not a non-negative number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aBadBarIsRejectedWithItsReasonAndTheRestOfThePageKept(String what, String badBar, String reason)
            throws IOException {
        String page = json("{'bars':{'AAA':[" + AAA_1430 + "," + badBar + "," + AAA_1432 + "],'BBB':[" + BBB_1430
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1432_ROW, BBB_1430_ROW);
        assertThat(read.rejected()).hasSize(1);
        RejectedBar rejected = read.rejected().get(0);
        assertThat(rejected.symbol()).isEqualTo("AAA");
        assertThat(rejected.t()).isEqualTo("2024-01-02T14:31:00Z");
        assertThat(rejected.reason()).startsWith(reason + " in bar {t=2024-01-02T14:31:00Z,");
    }

    @Test
    void aBarWithoutAReadableTimeIsRejectedWithoutATime() throws IOException {
        String page = json("{'bars':{'AAA':[" + AAA_1430 + ","
                + "{'o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':900},"
                + "{'t':'yesterday','o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':900},"
                + "{'t':'2024-01-02T25:31:00Z','o':41.2,'h':41.3,'l':41.1,'c':41.2,'v':900},"
                + AAA_1432 + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1432_ROW);
        assertThat(read.rejected())
                .extracting(RejectedBar::symbol, RejectedBar::t)
                .containsOnly(tuple("AAA", null));
        assertThat(read.rejected())
                .extracting(RejectedBar::reason)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("missing timestamp t in bar {t=null,"),
                        r -> assertThat(r).isEqualTo("unparseable timestamp t 'yesterday'"),
                        r -> assertThat(r).isEqualTo("unparseable timestamp t '2024-01-02T25:31:00Z'"));
    }

    @Test
    void aBarWithAnOddPrintWithinItsHighAndLowIsKept() throws IOException {
        // Real odd prints (a high far above the close on a split day) are data, not errors.
        String page = json("{'bars':{'AAA':["
                + bar("2024-01-02T14:30:00Z", "41.1 97.95 41.05 41.27", "5120", "118", "41.6")
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly("AAA#1 2024-01-02T14:30:00Z 41.1 97.95 41.05 41.27 5120 118 41.6");
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void aBarSentTwiceIsStoredOnceAndTheSecondRejectedAsDuplicate() throws IOException {
        String again = bar("2024-01-02T14:30:00Z", "41.1 41.3 41.05 41.99", "7000", "150", "41.5");
        String page = json("{'bars':{'AAA':[" + AAA_1430 + "," + AAA_1431 + "," + again + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        // The first one sent is kept.
        assertThat(rows(read)).containsExactly(AAA_1430_ROW, AAA_1431_ROW);
        assertThat(read.rejected()).hasSize(1);
        RejectedBar duplicate = read.rejected().get(0);
        assertThat(duplicate.symbol()).isEqualTo("AAA");
        assertThat(duplicate.t()).isEqualTo("2024-01-02T14:30:00Z");
        assertThat(duplicate.reason()).startsWith("duplicate bar");
        assertThat(read.bySymbol())
                .containsOnly(Map.entry("AAA", new SymbolTally(2, Instant.parse("2024-01-02T14:31:00Z"))));
    }

    @Test
    void theSameTimeWrittenDifferentlyIsStillADuplicate() throws IOException {
        String page = json("{'bars':{'AAA':["
                + bar("2024-01-02T14:45:00Z", "41.1 41.3 41.05 41.27", "10", null, null) + ","
                + bar("2024-01-02T14:45:00.000000000Z", "41.1 41.3 41.05 41.28", "11", null, null) + ","
                + bar("2024-01-02T09:45:00-05:00", "41.1 41.3 41.05 41.29", "12", null, null)
                + "],'BBB':[" + bar("2024-01-02T14:45:00Z", "12.5 12.58 12.49 12.55", "13", null, null)
                + "]},'next_page_token':null}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        // The same time for another symbol is another bar.
        assertThat(rows(read))
                .containsExactly(
                        "AAA#1 2024-01-02T14:45:00Z 41.1 41.3 41.05 41.27 10 null null",
                        "BBB#2 2024-01-02T14:45:00Z 12.5 12.58 12.49 12.55 13 null null");
        assertThat(read.rejected())
                .extracting(RejectedBar::symbol, RejectedBar::t)
                .containsExactly(
                        tuple("AAA", Instant.parse("2024-01-02T14:45:00Z")),
                        tuple("AAA", Instant.parse("2024-01-02T14:45:00Z")));
    }

    @Test
    void barsForSymbolsNotAskedForAreListedAsUnexpectedAndNotStored() throws IOException {
        // ZZZ's bar is not even valid: bars of a symbol not asked for are not checked either.
        String page = json("{'bars':{'AAA':[" + AAA_1430 + "],'CCC':[" + BBB_1430 + "," + BBB_1431 + "],"
                + "'ZZZ':[{'t':'2024-01-02T14:30:00Z','o':-1}]},'next_page_token':'Q0NDfE18MQ=='}");

        BarsPage read = read(alpacaBars(), AAA_BBB, page);

        assertThat(rows(read)).containsExactly(AAA_1430_ROW);
        assertThat(read.unexpectedSymbols()).containsExactly("CCC", "ZZZ");
        assertThat(read.bySymbol()).containsOnlyKeys("AAA");
        assertThat(read.rejected()).isEmpty();
        assertThat(read.nextPageToken()).isEqualTo("Q0NDfE18MQ==");
    }

    // Pages that cannot be read fail whole: the fetch route asks for them again.

    @Test
    void aTruncatedPageFailsWhereverItIsCut() {
        String page = json("{'bars':{'AAA':[" + AAA_1430 + "," + AAA_1431 + "],'BBB':null,'CCC':[]},"
                + "'currency':{'code':'USD'},'next_page_token':'QUFBfE18MQ=='}");

        for (int cut = 0; cut < page.length(); cut++) {
            String truncated = page.substring(0, cut);
            assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, truncated))
                    .as("cut after %d characters: %s", cut, truncated)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void aPageCutInTheMiddleOfABarFails() {
        String page = json("{'bars':{'AAA':[{'t':'2024-01-02T14:30:00Z','o':41.1,'h':41.3,'l':41.0");

        assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("end-of-input");
    }

    static Stream<Arguments> aMalformedPageFails() {
        return Stream.of(
                arguments("empty body", ""),
                arguments("an array, not a page", "[{'bars':{}}]"),
                arguments("a trailing comma", "{'bars':{'AAA':[" + AAA_1430 + ",]},'next_page_token':null}"),
                arguments("bars as text", "{'bars':'none','next_page_token':null}"),
                arguments("a symbol's bars as an object", "{'bars':{'AAA':" + AAA_1430 + "},'next_page_token':null}"),
                arguments("a bar that is a number", "{'bars':{'AAA':[" + AAA_1430 + ",42]},'next_page_token':null}"),
                arguments("an unquoted key", "{bars:{},'next_page_token':null}"),
                arguments("an HTML error page", "<html><head><title>401 Authorization Required</title></head></html>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void aMalformedPageFails(String what, String page) {
        assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, json(page))).isInstanceOf(IOException.class);
    }

    @Test
    void aPageWithoutTheRequiredBarsFieldFailsNamingTheField() {
        String page = json("{'message':'too many requests.','next_page_token':null}");

        assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no field bars");
    }

    @Test
    void aNextPageTokenThatIsNotTextFailsThePage() {
        // An object where the token should be: its fields must not be read as the page's (here its "bars").
        String page = json("{'next_page_token':{'bars':{'AAA':[" + AAA_1431 + "]}},'bars':{'AAA':[" + AAA_1430 + "]}}");

        assertThatThrownBy(() -> read(alpacaBars(), AAA_BBB, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("next_page_token is not a token or a URL");
    }

    // Helpers.

    /** The reader as routes/providers/alpaca.camel.yaml configures the bean alpacaBars. */
    static JsonBarsReader alpacaBars() {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars("bars");
        reader.setBarsRequired(true);
        reader.setNext("next_page_token");
        reader.setTimeFormat("rfc3339");
        fieldsTOHLCVNVw(reader);
        return reader;
    }

    /** The reader as routes/providers/massive.camel.yaml configures the bean massiveBars. */
    static JsonBarsReader massiveBars() {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars("results");
        reader.setBarsRequired(false);
        reader.setSymbol("ticker");
        reader.setNext("next_url");
        reader.setTimeFormat("epoch-millis");
        fieldsTOHLCVNVw(reader);
        return reader;
    }

    private static void fieldsTOHLCVNVw(JsonBarsReader reader) {
        reader.setTime("t");
        reader.setOpen("o");
        reader.setHigh("h");
        reader.setLow("l");
        reader.setClose("c");
        reader.setVolume("v");
        reader.setTradeCount("n");
        reader.setVwap("vw");
    }

    static BarsPage read(JsonBarsReader reader, PlannedRequest request, String page) throws IOException {
        return reader.read(new ByteArrayInputStream(page.getBytes(UTF_8)), PageCursor.first(request));
    }

    /** JSON written with single quotes. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** A bar in single-quoted JSON: "o h l c" and the numbers written as given; n and vw left out when null. */
    static String bar(String t, String ohlc, String v, String n, String vw) {
        String[] price = ohlc.split(" ");
        return "{'t':'" + t + "','o':" + price[0] + ",'h':" + price[1] + ",'l':" + price[2] + ",'c':" + price[3]
                + ",'v':" + v + (n == null ? "" : ",'n':" + n) + (vw == null ? "" : ",'vw':" + vw) + "}";
    }

    /** The rows as "SYMBOL#stock_id time open high low close volume trade_count vwap". */
    static List<String> rows(BarsPage page) {
        List<String> rows = new ArrayList<>();
        for (BarRow row : page.rows()) {
            rows.add(row.symbol() + "#" + row.get("stock_id") + " "
                    + Instant.ofEpochSecond(row.epochSecond(), row.nano())
                    + " " + row.decimalText(4) + " " + row.decimalText(5) + " " + row.decimalText(6) + " "
                    + row.decimalText(7) + " " + row.get("volume") + " " + row.get("trade_count") + " "
                    + row.decimalText(10));
        }
        return rows;
    }

    static UniverseSymbol symbol(long stockId, String symbol) {
        return new UniverseSymbol(stockId, symbol, null);
    }
}
