package io.barfeed.fetch;

import static io.barfeed.fetch.JsonBarsReaderTest.json;
import static io.barfeed.fetch.JsonBarsReaderTest.read;
import static io.barfeed.fetch.JsonBarsReaderTest.rows;
import static io.barfeed.fetch.JsonBarsReaderTest.symbol;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.barfeed.fetch.BarsPage.RejectedBar;
import io.barfeed.plan.PlannedRequest;

/**
 * The reader's options, one at a time, on small pages in the shapes other providers answer (every value made up):
 * bars at a path, the page itself an array, bars keyed by their time, parallel columns, decimals in strings, nulls,
 * no volume, local times and their zone, bare dates, other epochs, error pages.
 */
class JsonBarsReaderShapesTest {

    static final PlannedRequest XYZ = new PlannedRequest(
            "15Min",
            List.of(symbol(7, "XYZ")),
            Instant.parse("2024-01-02T00:00:00Z"),
            Instant.parse("2024-08-01T00:00:00Z"));
    static final PlannedRequest XYZ_DAILY = new PlannedRequest(
            "1Day",
            List.of(symbol(7, "XYZ")),
            Instant.parse("2024-01-02T00:00:00Z"),
            Instant.parse("2024-08-01T00:00:00Z"));

    // Where the bars are.

    @Test
    void barsAtAPathIntoThePageAreFoundAndTheSameFieldNamesElsewhereIgnored() throws IOException {
        JsonBarsReader reader = reader("/data/0/candles");
        String page = json("{'candles':[" + bar(1704205800, "1") + "],'data':[{'candles':[" + bar(1704205800, "2") + ","
                + bar(1704206700, "3") + "]},{'candles':[" + bar(1704207600, "4") + "]}]}");

        assertThat(rows(read(reader, XYZ, page)))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 2 2.5 1.5 2 100 null null",
                        "XYZ#7 2024-01-02T14:45:00Z 3 3.5 2.5 3 100 null null");
    }

    @Test
    void thePageItselfCanBeTheArrayOfBars() throws IOException {
        String page = json("[" + bar(1704205800, "1") + "," + bar(1704206700, "2") + "]");

        assertThat(rows(read(reader(""), XYZ, page)))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 1 1.5 0.5 1 100 null null",
                        "XYZ#7 2024-01-02T14:45:00Z 2 2.5 1.5 2 100 null null");
    }

    @Test
    void aStarInASegmentMatchesAnyCharacters() throws IOException {
        JsonBarsReader reader = alphaVantageLike();
        reader.setTimeZone("America/New_York");
        reader.setTimeZoneField(null);
        String page = json("{'Time Series (5min)':{'2024-01-02 09:30:00':" + avBar("10.5") + "}}");

        assertThat(rows(read(reader, XYZ, page)))
                .containsExactly("XYZ#7 2024-01-02T14:30:00Z 10.5 11.0000 10.0000 10.5 60 null null");
    }

    @Test
    void aMissingBarsFieldIsNoBarsWhenNotRequiredAndMalformedWhenRequired() throws IOException {
        JsonBarsReader reader = reader("/values");
        reader.setBarsRequired(false);

        assertThat(read(reader, XYZ, "{\"status\":\"ok\"}").rows()).isEmpty();
        reader.setBarsRequired(true);
        assertThatThrownBy(() -> read(reader, XYZ, "{\"status\":\"ok\"}"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no field /values");
    }

    // Bars keyed by their time, numbers in strings, local times in the page's zone: Alpha Vantage's shape.

    @Test
    void barsKeyedByTheirLocalTimeInThePagesTimeZoneWithDecimalStrings() throws IOException {
        // Winter and summer time: 09:30 in New York is 14:30Z in January and 13:30Z in July.
        String page = json("{'Meta Data':{'2. Symbol':'XYZ','6. Time Zone':'US/Eastern'},'Time Series (15min)':{"
                + "'2024-07-01 09:30:00':" + avBar("86.4900") + ",'2024-01-02 09:30:00':" + avBar("81.0000") + "}}");

        BarsPage read = read(alphaVantageLike(), XYZ, page);

        assertThat(rows(read))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 81.0000 11.0000 10.0000 81.0000 60 null null",
                        "XYZ#7 2024-07-01T13:30:00Z 86.4900 11.0000 10.0000 86.4900 60 null null");
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void aTimeZoneNamedAfterTheBarsStillTimesThem() throws IOException {
        String page = json("{'Time Series (15min)':{'2024-01-02 09:30:00':" + avBar("81.0000") + "},"
                + "'Meta Data':{'6. Time Zone':'America/New_York'}}");

        assertThat(rows(read(alphaVantageLike(), XYZ, page)))
                .containsExactly("XYZ#7 2024-01-02T14:30:00Z 81.0000 11.0000 10.0000 81.0000 60 null null");
    }

    @Test
    void localTimesOfAPageThatNamesNoTimeZoneAreRejected() throws IOException {
        String page = json("{'Time Series (15min)':{'2024-01-02 09:30:00':" + avBar("81.0000") + "}}");

        BarsPage read = read(alphaVantageLike(), XYZ, page);

        assertThat(read.rows()).isEmpty();
        assertThat(read.rejected())
                .extracting(RejectedBar::reason)
                .containsExactly("no time zone for its local time 2024-01-02 09:30:00 at /Meta Data/6. Time Zone in"
                        + " the page");
    }

    @Test
    void aLocalTimeFormatWithoutAnyTimeZoneIsASettingMistake() {
        JsonBarsReader reader = reader("bars");
        reader.setTimeFormat("yyyy-MM-dd HH:mm");

        assertThatThrownBy(reader::check)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set timeZone or timeZoneField");
    }

    @Test
    void withoutDecimalStringsAPriceInAStringIsNotANumber() throws IOException {
        JsonBarsReader reader = alphaVantageLike();
        reader.setDecimalStrings(false);
        String page = json("{'Meta Data':{'6. Time Zone':'US/Eastern'},'Time Series (15min)':{"
                + "'2024-01-02 09:30:00':" + avBar("81.0000") + "}}");

        assertThat(read(reader, XYZ, page).rejected())
                .extracting(RejectedBar::reason)
                .singleElement()
                .asString()
                .startsWith("price o is not a number");
    }

    @Test
    void decimalStringsReadNoneDashAndEmptyAsNoValueAndTextAsNotANumber() throws IOException {
        JsonBarsReader reader = new JsonBarsReader(); // the fields t, o, h, l, c, v, n, vw
        reader.setTimeFormat("epoch-seconds");
        reader.setDecimalStrings(true);
        String page = json("{'bars':["
                + "{'t':1704205800,'o':'1.5','h':'+2','l':'1.25','c':'1.75','v':'100','vw':'None'},"
                + "{'t':1704206700,'o':'1.5','h':'2','l':'1.25','c':'1.75','v':'100','n':'-'},"
                + "{'t':1704207600,'o':'abc','h':'2','l':'1.25','c':'1.75','v':'100'},"
                + "{'t':1704208500,'o':'','h':'2','l':'1.25','c':'1.75','v':'100'}]}");

        BarsPage read = read(reader, XYZ, page);

        assertThat(rows(read))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 1.5 2 1.25 1.75 100 null null",
                        "XYZ#7 2024-01-02T14:45:00Z 1.5 2 1.25 1.75 100 null null");
        assertThat(read.rejected())
                .extracting(RejectedBar::reason)
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("price o is not a number"),
                        r -> assertThat(r).startsWith("missing price o"));
    }

    // Parallel columns.

    @Test
    void parallelColumnsAtThePagesRootAreZippedIntoBars() throws IOException {
        JsonBarsReader reader = columns("");
        String page = json("{'s':'ok','t':[1704205800,1704206700],'o':[1.5,1.75],'h':[2,2.5],'l':[1.25,1.5],"
                + "'c':[1.75,2.25],'v':[100,120]}");

        assertThat(rows(read(reader, XYZ, page)))
                .containsExactly(
                        "XYZ#7 2024-01-02T14:30:00Z 1.5 2 1.25 1.75 100 null null",
                        "XYZ#7 2024-01-02T14:45:00Z 1.75 2.5 1.5 2.25 120 null null");
    }

    @Test
    void columnsUnderAPathWithFieldsAsRelativePathsAndNullCellsAsNoBar() throws IOException {
        // A chart API: timestamps beside the quote's columns, a minute without trades written as nulls.
        JsonBarsReader reader = columns("/chart/result/0");
        reader.setTime("timestamp");
        reader.setOpen("indicators/quote/0/open");
        reader.setHigh("indicators/quote/0/high");
        reader.setLow("indicators/quote/0/low");
        reader.setClose("indicators/quote/0/close");
        reader.setVolume("indicators/quote/0/volume");
        reader.setNulls("no-bar");
        String page = json("{'chart':{'result':[{'meta':{'symbol':'XYZ'},'timestamp':[1704205800,1704206700],"
                + "'indicators':{'quote':[{'open':[1.5,null],'high':[2,null],'low':[1.25,null],'close':[1.75,null],"
                + "'volume':[100,null]}]}}],'error':null}}");

        BarsPage read = read(reader, XYZ, page);

        assertThat(rows(read)).containsExactly("XYZ#7 2024-01-02T14:30:00Z 1.5 2 1.25 1.75 100 null null");
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void columnsOfDifferentLengthsAreAMalformedPage() {
        String page = json("{'t':[1704205800,1704206700],'o':[1.5],'h':[2,2.5],'l':[1.25,1.5],'c':[1.75,2.25],"
                + "'v':[100,120]}");

        assertThatThrownBy(() -> read(columns(""), XYZ, page))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the column o has 1 values, the time column 2");
    }

    @Test
    void aColumnsPageWithoutColumnsHasNoBars() throws IOException {
        JsonBarsReader reader = columns("");
        reader.setBarsRequired(false);

        assertThat(read(reader, XYZ, "{\"s\":\"no_data\"}").rows()).isEmpty();
    }

    // Nulls and volumes.

    @Test
    void aNullCellRejectsTheBarByDefaultAndIsNoBarWhenSaidSo() throws IOException {
        // The bar still forming, at the end of a top-level array: its volume not known yet.
        String page = json("[" + bar(1704205800, "1") + ",{'time':1704206700,'open':2,'high':2.5,'low':1.5,"
                + "'close':2,'volume':null}]");
        JsonBarsReader reader = reader("");

        BarsPage rejecting = read(reader, XYZ, page);
        reader.setNulls("no-bar");
        BarsPage skipping = read(reader, XYZ, page);

        assertThat(rows(rejecting)).hasSize(1);
        assertThat(rejecting.rejected())
                .extracting(RejectedBar::reason)
                .singleElement()
                .asString()
                .startsWith("missing or non-numeric volume v");
        assertThat(rows(skipping)).hasSize(1);
        assertThat(skipping.rejected()).isEmpty();
    }

    @Test
    void aProviderWithoutVolumesHasItsBarsStoredWithNone() throws IOException {
        JsonBarsReader reader = reader("");
        reader.setVolumeRequired(false);
        String page = json("[{'time':1704205800,'open':1.5,'high':2,'low':1.25,'close':1.75}]");

        BarsPage read = read(reader, XYZ, page);

        assertThat(rows(read)).containsExactly("XYZ#7 2024-01-02T14:30:00Z 1.5 2 1.25 1.75 null null null");
        assertThat(read.rows().get(0).get("volume")).isNull();
    }

    // Times.

    @Test
    void bareDatesAreTheStartOfTheDayInTheTimeZone() throws IOException {
        JsonBarsReader reader = reader("/values");
        reader.setTimeFormat("date");
        reader.setTimeZone("America/New_York");
        String page = json("{'values':[{'time':'2024-01-02','open':1.5,'high':2,'low':1.25,'close':1.75,'volume':9},"
                + "{'time':'2024-07-01','open':1.5,'high':2,'low':1.25,'close':1.75,'volume':9}]}");

        assertThat(rows(read(reader, XYZ_DAILY, page)))
                .containsExactly(
                        "XYZ#7 2024-01-02T05:00:00Z 1.5 2 1.25 1.75 9 null null",
                        "XYZ#7 2024-07-01T04:00:00Z 1.5 2 1.25 1.75 9 null null");
    }

    @Test
    void aPatternWithAnOffsetNeedsNoTimeZone() throws IOException {
        JsonBarsReader reader = reader("");
        reader.setTimeFormat("yyyy-MM-dd HH:mm:ssXXX");
        String page = json(
                "[{'time':'2024-01-02 09:30:00-05:00','open':1.5,'high':2,'low':1.25,'close':1.75," + "'volume':9}]");

        assertThat(rows(read(reader, XYZ, page)))
                .containsExactly("XYZ#7 2024-01-02T14:30:00Z 1.5 2 1.25 1.75 9 null null");
    }

    @Test
    void epochMicrosAndEpochSecondsWithAFraction() throws IOException {
        JsonBarsReader micros = reader("");
        micros.setTimeFormat("epoch-micros");
        JsonBarsReader seconds = reader("");
        seconds.setTimeFormat("epoch-seconds");
        String microsPage = json("[{'time':1704205800500000,'open':1,'high':1,'low':1,'close':1,'volume':1}]");
        String secondsPage = json("[{'time':'1704205800.5','open':1,'high':1,'low':1,'close':1,'volume':1}]");

        assertThat(rows(read(micros, XYZ, microsPage)))
                .containsExactly("XYZ#7 2024-01-02T14:30:00.500Z 1 1 1 1 1 null null");
        assertThat(rows(read(seconds, XYZ, secondsPage)))
                .containsExactly("XYZ#7 2024-01-02T14:30:00.500Z 1 1 1 1 1 null null");
    }

    // Error pages.

    @Test
    void aValueAtAnErrorPathMakesTheWholePageAnErrorPage() {
        JsonBarsReader reader = alphaVantageLike();

        assertThatThrownBy(() -> read(
                        reader,
                        XYZ,
                        json("{'Information':'Thank you for using it! Our standard API"
                                + " rate limit is 25 requests per day.'}")))
                .isInstanceOfSatisfying(ErrorPage.class, e -> {
                    assertThat(e.path()).isEqualTo("Information");
                    assertThat(e.text()).contains("25 requests per day");
                });
        assertThatThrownBy(() -> read(reader, XYZ, json("{'Error Message':'Invalid API call.'}")))
                .isInstanceOfSatisfying(
                        ErrorPage.class, e -> assertThat(e.path()).isEqualTo("Error Message"));
    }

    @Test
    void anErrorPathWithAValueMatchesThatValueOnly() throws IOException {
        JsonBarsReader reader = reader("/values");
        reader.setBarsRequired(false);
        reader.setErrors("/status=error");

        assertThat(read(reader, XYZ, json("{'status':'ok','values':[" + bar(1704205800, "1") + "]}"))
                        .rows())
                .hasSize(1);
        assertThatThrownBy(() -> read(reader, XYZ, json("{'status':'error','code':429,'message':'out of credits'}")))
                .isInstanceOfSatisfying(ErrorPage.class, e -> {
                    assertThat(e.path()).isEqualTo("/status");
                    assertThat(e.text()).isEqualTo("error");
                });
    }

    @Test
    void aNullAtAnErrorPathIsNoError() throws IOException {
        JsonBarsReader reader = reader("/values");
        reader.setErrors("/error");

        assertThat(read(reader, XYZ, json("{'error':null,'values':[" + bar(1704205800, "1") + "]}"))
                        .rows())
                .hasSize(1);
    }

    // Helpers.

    /** A reader of bars {time, open, high, low, close, volume} in epoch seconds at {@code bars}. */
    static JsonBarsReader reader(String bars) {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars(bars);
        reader.setNext("");
        reader.setTimeFormat("epoch-seconds");
        reader.setTime("time");
        reader.setOpen("open");
        reader.setHigh("high");
        reader.setLow("low");
        reader.setClose("close");
        reader.setVolume("volume");
        return reader;
    }

    static JsonBarsReader columns(String bars) {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars(bars);
        reader.setContainer("columns");
        reader.setNext("");
        reader.setTimeFormat("epoch-seconds");
        return reader;
    }

    /** Bars keyed by local time, numbers in strings, the zone from the page's meta data, its three error fields. */
    static JsonBarsReader alphaVantageLike() {
        JsonBarsReader reader = new JsonBarsReader();
        reader.setBars("/Time Series*");
        reader.setContainer("by-time");
        reader.setBarsRequired(false);
        reader.setNext("");
        reader.setTimeFormat("yyyy-MM-dd HH:mm:ss");
        reader.setTimeZoneField("/Meta Data/6. Time Zone");
        reader.setDecimalStrings(true);
        reader.setOpen("1. open");
        reader.setHigh("2. high");
        reader.setLow("3. low");
        reader.setClose("4. close");
        reader.setVolume("5. volume");
        reader.setErrors("Note, Information, Error Message");
        return reader;
    }

    /** A bar of {@link #reader}: open and close {@code o}, high {@code o + 0.5}, low {@code o - 0.5}. */
    static String bar(long time, String o) {
        double open = Double.parseDouble(o);
        return "{'time':" + time + ",'open':" + o + ",'high':" + trim(open + 0.5) + ",'low':" + trim(open - 0.5)
                + ",'close':" + o + ",'volume':100}";
    }

    /** An Alpha Vantage-like bar: open and close {@code price}, high 11, low 10, volume 60, all strings. */
    static String avBar(String price) {
        return "{'1. open':'" + price + "','2. high':'11.0000','3. low':'10.0000','4. close':'" + price
                + "','5. volume':'60'}";
    }

    private static String trim(double value) {
        String text = Double.toString(value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
