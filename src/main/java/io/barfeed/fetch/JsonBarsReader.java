package io.barfeed.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
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
 * route file where the bars are, what each field is called, how time is written and where the next page is. The
 * bars field holds either an object of arrays keyed by symbol (Alpaca's multi-symbol pages) or one array, the bars
 * of the request's only symbol (Massive's {@code results}). Malformed or truncated JSON fails the page (the fetch
 * route asks for it again); a bad bar is rejected with its reason and the rest of the page kept.
 */
public class JsonBarsReader {

    // NaN in a price is a bad bar, not a bad page: let the parser hand it to validation.
    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private String bars = "bars";
    private boolean barsRequired = true;
    private String symbol;
    private String next = "next_page_token";
    private TimeFormat timeFormat = TimeFormat.RFC3339;
    private final String[] fieldNames = {"t", "o", "h", "l", "c", "v", "n", "vw"};
    // The bar's field names and their slots (Jackson hands out one String per name, its hash computed once).
    private volatile Map<String, Integer> fields;

    /** The page's field holding the bars. */
    public void setBars(String bars) {
        this.bars = bars;
    }

    /** Whether a page without the bars field is malformed (true) or has no bars (false). */
    public void setBarsRequired(boolean barsRequired) {
        this.barsRequired = barsRequired;
    }

    /** The page's field naming the symbol of an array of bars, checked against the request's; none by default. */
    public void setSymbol(String symbol) {
        this.symbol = symbol == null || symbol.isBlank() ? null : symbol;
    }

    /** The page's field holding the next page's token or URL; null, "" or absent: the last page. */
    public void setNext(String next) {
        this.next = next;
    }

    /** How the bar's time is written: rfc3339, epoch-millis, epoch-seconds or epoch-nanos. */
    public void setTimeFormat(String timeFormat) {
        this.timeFormat = TimeFormat.valueOf(timeFormat.trim().toUpperCase().replace('-', '_'));
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
        fields = null;
    }

    public BarsPage read(InputStream body, @Variable("cursor") PageCursor cursor) throws IOException {
        PlannedRequest request = cursor.request();
        Page page = new Page(request, fields());
        try (InputStream in = body;
                JsonParser p = json.createParser(ObjectReadContext.empty(), in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the page");
            boolean sawBars = false;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals(bars)) {
                    sawBars = true;
                    readBars(p, value, page);
                } else if (field.equals(next)) {
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        throw new IOException("malformed bars page: " + next + " is not a token or a URL but " + value
                                + " at " + p.currentLocation().offsetDescription());
                    }
                    // Missing, null and "" all mean the last page (a client that waited for "" looped).
                    String token = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                    page.nextPageToken = token == null || token.isEmpty() ? null : token;
                } else if (field.equals(symbol) && value == JsonToken.VALUE_STRING) {
                    page.namedSymbol = p.getString();
                } else {
                    p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of the page");
            if (barsRequired && !sawBars) {
                throw new IOException("malformed bars page: no field " + bars);
            }
        } catch (JacksonIOException e) {
            throw e.getCause(); // the connection's own failure: a reset, a timeout, the request's deadline
        } catch (JacksonException e) {
            throw new IOException("malformed bars page: " + e.getMessage(), e);
        }
        return page.toBarsPage();
    }

    private Map<String, Integer> fields() {
        Map<String, Integer> known = fields;
        if (known == null) {
            known = new HashMap<>();
            for (int i = 0; i < fieldNames.length; i++) {
                known.put(fieldNames[i], i);
            }
            fields = known;
        }
        return known;
    }

    private void readBars(JsonParser p, JsonToken value, Page page) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value == JsonToken.START_ARRAY) {
            String only = page.onlySymbol();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                page.add(only, readBar(p, page));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of the bars");
            return;
        }
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

    /** The fields of one bar into the page's scratch bar: numbers as their text, anything else as NOT_A_NUMBER. */
    private static RawBar readBar(JsonParser p, Page page) throws IOException {
        RawBar bar = page.bar;
        bar.clear();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            Integer field = page.fields.get(p.currentName());
            JsonToken token = p.nextToken();
            if (field == null) {
                p.skipChildren(); // a field barfeed does not store
                continue;
            }
            Object value = switch (token) {
                case VALUE_NUMBER_INT -> p.getString();
                case VALUE_NUMBER_FLOAT -> p.isNaN() ? RawBar.NOT_A_NUMBER : p.getString();
                case VALUE_NULL -> null;
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                    yield RawBar.NOT_A_NUMBER;
                }
                default -> field == 0 ? p.getString() : RawBar.NOT_A_NUMBER;
            };
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
        return bar;
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
        private final Map<String, Integer> fields;
        private final List<BarRow> rows = new ArrayList<>();
        private final List<RejectedBar> rejected = new ArrayList<>();
        private final Set<String> unexpected = new TreeSet<>();
        // The bar being read: one for the whole page, cleared for each bar.
        private final RawBar bar = new RawBar();
        private String nextPageToken;
        private String namedSymbol;

        Page(PlannedRequest request, Map<String, Integer> fields) {
            this.request = request;
            this.wanted = request.bySymbol();
            this.fields = fields;
        }

        /** An array of bars is the request's only symbol's. */
        String onlySymbol() throws IOException {
            if (request.symbols().size() != 1) {
                throw new IOException("malformed bars page: one array of bars for a request of "
                        + request.symbols().size() + " symbols");
            }
            return request.symbols().get(0).symbol();
        }

        void add(String symbol, RawBar bar) {
            UniverseSymbol target = wanted.get(symbol);
            if (target == null) {
                unexpected.add(symbol);
                return;
            }
            String problem = BarRules.problemOf(bar);
            if (problem != null) {
                rejected.add(new RejectedBar(symbol, timeOrNull(bar.t), problem + " in bar " + bar));
                return;
            }
            Instant ts;
            try {
                ts = timeFormat.parse(bar.t);
            } catch (DateTimeException e) {
                rejected.add(new RejectedBar(symbol, null, "unparseable timestamp t '" + bar.t + "'"));
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
                    bar.tradeCount,
                    (String) bar.vw));
        }

        /** A bar's t when it reads as a time, for the failure's range; else null. */
        private Instant timeOrNull(String t) {
            try {
                return t == null ? null : timeFormat.parse(t);
            } catch (DateTimeException e) {
                return null;
            }
        }

        BarsPage toBarsPage() throws IOException {
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
