package io.barfeed.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Variable;

import io.barfeed.fetch.BarsPage.RejectedBar;
import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * Streams one page of a bars API into rows to store, without building a tree of the page, told by a provider's
 * route file where the bars are (a path into the page), how they are held (the container), what each field is
 * called, how time is written and where the next page is. Containers: a list of bar objects (the request's only
 * symbol: Massive's {@code results}), an object of such lists keyed by symbol (Alpaca's multi-symbol pages), an
 * object of bar objects keyed by the bar's time (Alpha Vantage), or parallel arrays, one per field (columns). Every
 * shape is streamed; columns are held until the page ends, as they must be. Malformed or truncated JSON fails the
 * page (the fetch route asks for it again); a bad bar is rejected with its reason and the rest of the page kept; a
 * value at one of the {@code errors} paths makes it an {@link ErrorPage} for the route to map. docs/providers.md
 * describes each property.
 */
public class JsonBarsReader {

    /** How the bars are held where {@code bars} points. */
    enum Container {
        /** An array: a list; an object: by symbol. */
        AUTO,
        LIST,
        BY_SYMBOL,
        BY_TIME,
        COLUMNS
    }

    private static final int TIME = 0;
    private static final int VOLUME = 5;
    private static final int FIELDS = 8;
    private static final int PRICES_AND_TIME = 0b11111;

    // NaN in a price is a bad bar, not a bad page: let the parser hand it to validation.
    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private String bars = "bars";
    private boolean barsRequired = true;
    private Container container = Container.AUTO;
    private String symbol;
    private String next = "next_page_token";
    private TimeFormat timeFormat = TimeFormat.RFC3339;
    private ZoneId timeZone;
    private String timeZoneField;
    private boolean decimalStrings;
    private boolean nullsAreNoBar;
    private boolean volumeRequired = true;
    private List<String> errors = List.of();
    private final String[] fieldNames = {"t", "o", "h", "l", "c", "v", "n", "vw"};
    // What the settings make of the page: built on first use, once all properties are set.
    private volatile Layout layout;

    /** Where the bars are: a path into the page, a field's name, or "" for the page itself. */
    public void setBars(String bars) {
        this.bars = bars == null ? "" : bars;
        layout = null;
    }

    /** Whether a page without the bars is malformed (true) or has no bars (false). */
    public void setBarsRequired(boolean barsRequired) {
        this.barsRequired = barsRequired;
    }

    /** How the bars are held: auto, list, by-symbol, by-time or columns. */
    public void setContainer(String container) {
        this.container =
                Container.valueOf(container.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        layout = null;
    }

    /** Where the page names the symbol of its bars, checked against the request's only one; none by default. */
    public void setSymbol(String symbol) {
        this.symbol = symbol == null || symbol.isBlank() ? null : symbol;
        layout = null;
    }

    /** Where the page holds the next page's token or URL; null, "" or absent: the last page. "" for none. */
    public void setNext(String next) {
        this.next = next == null || next.isEmpty() ? null : next;
        layout = null;
    }

    /** How the bar's time is written (see {@link TimeFormat}). */
    public void setTimeFormat(String timeFormat) {
        this.timeFormat = TimeFormat.of(timeFormat);
    }

    /** The time zone of local times (a date, a pattern without offset), e.g. America/New_York. */
    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.trim());
    }

    /** Where the page names the time zone of its local times, e.g. /Meta Data/6. Time Zone. */
    public void setTimeZoneField(String timeZoneField) {
        this.timeZoneField = timeZoneField == null || timeZoneField.isBlank() ? null : timeZoneField;
        layout = null;
    }

    /** Whether prices and volumes may be strings holding decimals ("86.4900"); "", "None", "-" are no value. */
    public void setDecimalStrings(boolean decimalStrings) {
        this.decimalStrings = decimalStrings;
    }

    /** What a null time, price (or required volume) means: reject (a bad bar, recorded) or no-bar (skipped). */
    public void setNulls(String nulls) {
        String value = nulls.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("reject") && !value.equals("no-bar")) {
            throw new IllegalArgumentException("nulls is reject or no-bar, not " + nulls);
        }
        this.nullsAreNoBar = value.equals("no-bar");
    }

    /** Whether a bar without a volume is a bad bar (true) or stored without one (false). */
    public void setVolumeRequired(boolean volumeRequired) {
        this.volumeRequired = volumeRequired;
    }

    /**
     * Paths whose value makes the page an error page ({@link ErrorPage}), separated by commas; "path=value" when
     * only that value does. (A route file's bean property is one string: YAML lists are not taken there.)
     */
    public void setErrors(String errors) {
        this.errors = errors == null || errors.isBlank()
                ? List.of()
                : Arrays.stream(errors.split(","))
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .toList();
        layout = null;
    }

    public void setTime(String name) {
        field(0, name);
    }

    public void setOpen(String name) {
        field(1, name);
    }

    public void setHigh(String name) {
        field(2, name);
    }

    public void setLow(String name) {
        field(3, name);
    }

    public void setClose(String name) {
        field(4, name);
    }

    public void setVolume(String name) {
        field(5, name);
    }

    public void setTradeCount(String name) {
        field(6, name);
    }

    public void setVwap(String name) {
        field(7, name);
    }

    private void field(int index, String name) {
        fieldNames[index] = name;
        layout = null;
    }

    /** Checks that the settings fit together; at start, so that a route file's mistake stops barfeed (exit 1). */
    public void check() {
        layout();
    }

    public BarsPage read(InputStream body, @Variable("cursor") PageCursor cursor) throws IOException {
        Layout known = layout();
        Page page = new Page(cursor.request(), known);
        try (InputStream in = body;
                JsonParser p = json.createParser(ObjectReadContext.empty(), in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IOException("malformed bars page: it is empty");
            }
            walk(p, first, known.paths.root, page);
        } catch (JacksonIOException e) {
            throw e.getCause(); // the connection's own failure: a reset, a timeout, the request's deadline
        } catch (JacksonException e) {
            throw new IOException("malformed bars page: " + e.getMessage(), e);
        }
        if (page.error != null) {
            throw page.error;
        }
        if (known.container == Container.COLUMNS) {
            page.addColumns();
        }
        if (barsRequired && !page.sawBars) {
            throw new IOException("malformed bars page: no field " + known.barsPath);
        }
        return page.toBarsPage();
    }

    /** The page's paths and fields as the settings make them, checked. */
    private Layout layout() {
        Layout known = layout;
        if (known == null) {
            known = new Layout();
            layout = known;
        }
        return known;
    }

    /** What the reader looks for, where. */
    private final class Layout {
        final PathTree paths = new PathTree();
        final JsonPath barsPath = JsonPath.of(bars);
        final Container container = JsonBarsReader.this.container;
        // Bar objects: the field names and their slots (Jackson hands out one String per name, its hash computed once).
        final Map<String, Integer> fields = new HashMap<>();
        final JsonPath[] errorPaths = new JsonPath[errors.size()];
        final String[] errorValues = new String[errors.size()];

        Layout() {
            if (container == Container.COLUMNS) {
                for (int i = 0; i < FIELDS; i++) {
                    paths.add(barsPath.then(JsonPath.of(fieldNames[i])), PathTree.COLUMN, i);
                }
            } else {
                paths.add(barsPath, PathTree.BARS, 0);
                for (int i = 0; i < FIELDS; i++) {
                    fields.put(fieldNames[i], i);
                }
            }
            if (next != null) {
                paths.add(JsonPath.of(next), PathTree.NEXT, 0);
            }
            if (symbol != null) {
                paths.add(JsonPath.of(symbol), PathTree.SYMBOL, 0);
            }
            if (timeZoneField != null) {
                paths.add(JsonPath.of(timeZoneField), PathTree.ZONE, 0);
            }
            for (int i = 0; i < errors.size(); i++) {
                String rule = errors.get(i);
                int eq = rule.indexOf('=');
                errorPaths[i] = JsonPath.of(eq < 0 ? rule : rule.substring(0, eq));
                errorValues[i] = eq < 0 ? null : rule.substring(eq + 1);
                paths.add(errorPaths[i], PathTree.ERROR, i);
            }
            if (timeFormat.local() && timeZone == null && timeZoneField == null) {
                throw new IllegalStateException(
                        "JsonBarsReader: timeFormat " + timeFormat + " is a local time: set timeZone or timeZoneField");
            }
        }
    }

    /** Follows the parser through the page, reading what a path leads to and skipping the rest. */
    private void walk(JsonParser p, JsonToken token, PathTree.Node node, Page page) throws IOException {
        if (node.roles != 0) {
            if ((node.roles & PathTree.BARS) != 0) {
                page.sawBars = true;
                readBars(p, token, page);
                return;
            }
            if ((node.roles & PathTree.COLUMN) != 0) {
                page.sawBars = true;
                readColumn(p, token, node.column, page);
                return;
            }
            scalarRoles(p, token, node, page);
        }
        if (token == JsonToken.START_OBJECT) {
            if (!node.hasChildren()) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                PathTree.Node child = node.child(p.currentName());
                JsonToken value = p.nextToken();
                if (child == null) {
                    p.skipChildren();
                } else {
                    walk(p, value, child, page);
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of an object");
        } else if (token == JsonToken.START_ARRAY) {
            if (!node.hasChildren()) {
                p.skipChildren();
                return;
            }
            int index = 0;
            JsonToken value;
            while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
                if (value == null) {
                    throw new IOException("malformed bars page: cut short in an array");
                }
                PathTree.Node child = node.child(Integer.toString(index++));
                if (child == null) {
                    p.skipChildren();
                } else {
                    walk(p, value, child, page);
                }
            }
        }
    }

    /** The next page, the symbol, the time zone, an error: values, not containers. */
    private void scalarRoles(JsonParser p, JsonToken token, PathTree.Node node, Page page) throws IOException {
        boolean container = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        String text = container || token == JsonToken.VALUE_NULL ? null : p.getString();
        if ((node.roles & PathTree.NEXT) != 0) {
            if (container) {
                throw new IOException("malformed bars page: " + next + " is not a token or a URL but " + token + " at "
                        + p.currentLocation().offsetDescription());
            }
            // Missing, null and "" all mean the last page (a client that waited for "" looped).
            page.nextPageToken = text == null || text.isEmpty() ? null : text;
        }
        if ((node.roles & PathTree.SYMBOL) != 0 && token == JsonToken.VALUE_STRING) {
            page.namedSymbol = text;
        }
        if ((node.roles & PathTree.ZONE) != 0 && token == JsonToken.VALUE_STRING) {
            page.zoneNamed(text);
        }
        if ((node.roles & PathTree.ERROR) != 0 && token != JsonToken.VALUE_NULL && page.error == null) {
            for (int rule : node.errors) {
                String expected = page.layout.errorValues[rule];
                if (expected == null || expected.equals(text)) {
                    String said = text != null ? text : token == JsonToken.START_OBJECT ? "(an object)" : "(an array)";
                    page.error = new ErrorPage(page.layout.errorPaths[rule].toString(), said);
                    break;
                }
            }
        }
    }

    private void readBars(JsonParser p, JsonToken value, Page page) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        Container shape = page.layout.container;
        if (shape == Container.AUTO) {
            shape = value == JsonToken.START_ARRAY ? Container.LIST : Container.BY_SYMBOL;
        }
        switch (shape) {
            case LIST -> {
                expect(p, value, JsonToken.START_ARRAY, bars);
                String only = page.onlySymbol();
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    page.add(only, readBar(p, page));
                }
                expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of the bars");
            }
            case BY_TIME -> {
                expect(p, value, JsonToken.START_OBJECT, bars);
                String only = page.onlySymbol();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String time = p.currentName();
                    JsonToken bar = p.nextToken();
                    if (bar == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    expect(p, bar, JsonToken.START_OBJECT, "the bar at " + time);
                    RawBar read = readBar(p, page);
                    read.t = time;
                    read.nulls &= ~1;
                    page.add(only, read);
                }
                expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of the bars");
            }
            default -> {
                expect(p, value, JsonToken.START_OBJECT, bars);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String symbol = p.currentName();
                    JsonToken symbolBars = p.nextToken();
                    if (symbolBars == JsonToken.VALUE_NULL) {
                        continue;
                    }
                    expect(p, symbolBars, JsonToken.START_ARRAY, "bars of " + symbol);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        page.add(symbol, readBar(p, page));
                    }
                    expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of the bars of " + symbol);
                }
            }
        }
    }

    /** The fields of one bar into the page's scratch bar. */
    private RawBar readBar(JsonParser p, Page page) throws IOException {
        RawBar bar = page.bar;
        bar.clear();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            Integer field = page.layout.fields.get(p.currentName());
            JsonToken token = p.nextToken();
            if (field == null) {
                p.skipChildren(); // a field barfeed does not store
                continue;
            }
            set(bar, field, value(p, token, field, bar));
        }
        return bar;
    }

    /** One field's value: a number as its text, null (its bit set), anything else as NOT_A_NUMBER. */
    private Object value(JsonParser p, JsonToken token, int field, RawBar bar) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> p.getString();
            case VALUE_NUMBER_FLOAT -> p.isNaN() ? RawBar.NOT_A_NUMBER : p.getString();
            case VALUE_NULL -> {
                bar.nulls |= 1 << field;
                yield null;
            }
            case START_OBJECT, START_ARRAY -> {
                p.skipChildren();
                yield RawBar.NOT_A_NUMBER;
            }
            case VALUE_STRING -> {
                if (field == TIME) {
                    yield p.getString();
                }
                if (!decimalStrings) {
                    yield RawBar.NOT_A_NUMBER;
                }
                Object decimal = DecimalText.of(p.getString());
                if (decimal == DecimalText.NONE) {
                    bar.nulls |= 1 << field;
                    yield null;
                }
                yield decimal;
            }
            default -> field == TIME ? p.getString() : RawBar.NOT_A_NUMBER;
        };
    }

    private static void set(RawBar bar, int field, Object value) {
        switch (field) {
            case 0 -> bar.t = value instanceof String text ? text : null;
            case 1 -> bar.o = value;
            case 2 -> bar.h = value;
            case 3 -> bar.l = value;
            case 4 -> bar.c = value;
            case 5 -> bar.v = value;
            case 6 -> bar.n = value;
            default -> bar.vw = value;
        }
    }

    /** One field's parallel array, kept until the page ends; null: the field has no values. */
    private void readColumn(JsonParser p, JsonToken token, int field, Page page) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, token, JsonToken.START_ARRAY, "the column " + fieldNames[field]);
        List<Object> values = new ArrayList<>();
        RawBar cell = new RawBar();
        JsonToken value;
        while ((value = p.nextToken()) != JsonToken.END_ARRAY) {
            if (value == null) {
                throw new IOException("malformed bars page: cut short in the column " + fieldNames[field]);
            }
            cell.nulls = 0;
            Object read = value(p, value, field, cell);
            values.add(cell.nulls != 0 ? DecimalText.NONE : read);
        }
        page.columns[field] = values;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("malformed bars page: expected " + expected + " for " + what + " but found " + actual
                    + " at " + p.currentLocation().offsetDescription());
        }
    }

    private static final Comparator<BarRow> ROW_ORDER = Comparator.comparing(BarRow::symbol)
            .thenComparingLong(BarRow::epochSecond)
            .thenComparingInt(BarRow::nano);

    /** Rows of one page under construction. */
    private final class Page {
        private final PlannedRequest request;
        private final Map<String, UniverseSymbol> wanted;
        private final Layout layout;
        private final List<BarRow> rows = new ArrayList<>();
        private final List<RejectedBar> rejected = new ArrayList<>();
        private final Set<String> unexpected = new TreeSet<>();
        // The bar being read: one for the whole page, cleared for each bar.
        private final RawBar bar = new RawBar();
        private final int required;
        private final List<Object>[] columns;
        // Bars of local times read before the page named its time zone: timed once it has.
        private List<RawBar> untimed;
        private List<String> untimedSymbols;
        private ZoneId zone = timeZone;
        private String badZone;
        private String nextPageToken;
        private String namedSymbol;
        private boolean sawBars;
        private ErrorPage error;

        @SuppressWarnings("unchecked")
        Page(PlannedRequest request, Layout layout) {
            this.request = request;
            this.wanted = request.bySymbol();
            this.layout = layout;
            this.required = volumeRequired ? PRICES_AND_TIME | 1 << VOLUME : PRICES_AND_TIME;
            this.columns = layout.container == Container.COLUMNS ? new List[FIELDS] : null;
        }

        /** An array of bars is the request's only symbol's. */
        String onlySymbol() throws IOException {
            if (request.symbols().size() != 1) {
                throw new IOException("malformed bars page: one array of bars for a request of "
                        + request.symbols().size() + " symbols");
            }
            return request.symbols().get(0).symbol();
        }

        void zoneNamed(String name) {
            try {
                zone = ZoneId.of(name.trim());
            } catch (DateTimeException e) {
                badZone = name;
                return;
            }
            if (untimed != null) {
                for (int i = 0; i < untimed.size(); i++) {
                    add(untimedSymbols.get(i), untimed.get(i));
                }
                untimed = null;
            }
        }

        void add(String symbol, RawBar bar) {
            UniverseSymbol target = wanted.get(symbol);
            if (target == null) {
                unexpected.add(symbol);
                return;
            }
            if (nullsAreNoBar && (bar.nulls & required) != 0) {
                return; // the provider's way of saying there is no bar (yet) at that time
            }
            if (zone == null && timeFormat.local() && badZone == null) {
                if (untimed == null) {
                    untimed = new ArrayList<>();
                    untimedSymbols = new ArrayList<>();
                }
                untimed.add(bar.copy());
                untimedSymbols.add(symbol);
                return;
            }
            String problem = BarRules.problemOf(bar, volumeRequired);
            if (problem != null) {
                rejected.add(new RejectedBar(symbol, timeOrNull(bar.t), problem + " in bar " + bar));
                return;
            }
            Instant ts;
            try {
                ts = timeFormat.parse(bar.t, zone);
            } catch (DateTimeException | NullPointerException e) {
                rejected.add(new RejectedBar(
                        symbol,
                        null,
                        "unparseable timestamp t '" + bar.t + "'"
                                + (badZone != null ? " (the page's time zone '" + badZone + "' is not one)" : "")));
                return;
            }
            rows.add(new BarRow(
                    symbol,
                    request.timeframe(),
                    ts,
                    target.stockId(),
                    (String) bar.o,
                    (String) bar.h,
                    (String) bar.l,
                    (String) bar.c,
                    bar.volume,
                    bar.noVolume,
                    bar.tradeCount,
                    (String) bar.vw));
        }

        /** The parallel arrays as bars, one per element of the time column. */
        void addColumns() throws IOException {
            List<Object> times = columns[TIME];
            if (times == null) {
                for (List<Object> column : columns) {
                    if (column != null && !column.isEmpty()) {
                        throw new IOException("malformed bars page: columns without the time column "
                                + layout.barsPath.then(JsonPath.of(fieldNames[TIME])));
                    }
                }
                return;
            }
            for (int f = 0; f < FIELDS; f++) {
                if (columns[f] != null && columns[f].size() != times.size()) {
                    throw new IOException("malformed bars page: the column " + fieldNames[f] + " has "
                            + columns[f].size() + " values, the time column " + times.size());
                }
            }
            String only = onlySymbol();
            for (int i = 0; i < times.size(); i++) {
                bar.clear();
                for (int f = 0; f < FIELDS; f++) {
                    Object value = columns[f] == null ? null : columns[f].get(i);
                    if (value == DecimalText.NONE) {
                        bar.nulls |= 1 << f;
                        value = null;
                    }
                    set(bar, f, value);
                }
                add(only, bar);
            }
        }

        /** A bar's t when it reads as a time, for the failure's range; else null. */
        private Instant timeOrNull(String t) {
            try {
                return t == null ? null : timeFormat.parse(t, zone);
            } catch (DateTimeException | NullPointerException e) {
                return null;
            }
        }

        BarsPage toBarsPage() throws IOException {
            if (untimed != null) {
                for (int i = 0; i < untimed.size(); i++) {
                    RawBar late = untimed.get(i);
                    rejected.add(new RejectedBar(
                            untimedSymbols.get(i),
                            null,
                            "no time zone for its local time " + late.t + " at " + timeZoneField + " in the page"));
                }
            }
            if (namedSymbol != null && request.symbols().size() == 1 && !namedSymbol.equals(onlySymbol())) {
                throw new IOException(
                        "malformed bars page: it is " + namedSymbol + "'s, the request asked for " + onlySymbol());
            }
            // Stored in symbol-then-time order, a symbol's committed bars are always a prefix of its
            // range, so a failure leaves no gap behind the newest stored bar (the next run's since).
            rows.sort(ROW_ORDER);
            List<BarRow> unique = new ArrayList<>(rows.size());
            Map<String, SymbolTally> tallies = new HashMap<>();
            BarRow previous = null;
            for (BarRow row : rows) {
                // One INSERT ... ON CONFLICT must never see a key twice ("cannot affect row a second time");
                // sorted, the same bar twice is two neighbours (the sort is stable: the first one is kept).
                if (previous != null && previous.sameBarAs(row)) {
                    rejected.add(new RejectedBar(row.symbol(), row.ts().toInstant(), "duplicate bar at " + row.ts()));
                    continue;
                }
                unique.add(row);
                Instant t = Instant.ofEpochSecond(row.epochSecond(), row.nano());
                tallies.merge(row.symbol(), new SymbolTally(1, t), (a, b) -> a.plus(t));
                previous = row;
            }
            return new BarsPage(unique, nextPageToken, tallies, rejected, List.copyOf(unexpected));
        }
    }

    @Override
    public String toString() {
        return "JsonBarsReader[bars=" + bars + ", next=" + next + ", time " + timeFormat + "]";
    }
}
