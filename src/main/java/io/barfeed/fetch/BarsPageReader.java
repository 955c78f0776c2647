package io.barfeed.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
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
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import io.barfeed.fetch.BarsPage.RejectedBar;
import io.barfeed.fetch.BarsPage.SymbolTally;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * Streams one page of {@code GET /v2/stocks/bars} into insert rows, without building a tree of the
 * page. Malformed or truncated JSON fails the page (the fetch route retries it); a single bad bar
 * is rejected with its reason and the rest of the page is kept.
 */
@Component("barsPageReader")
public class BarsPageReader {

    // NaN in a price is a bad bar, not a bad page: let the parser hand it to validation.
    private final JsonFactory json = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    public BarsPage read(InputStream body, @Variable("cursor") PageCursor cursor) throws IOException {
        PlannedRequest request = cursor.request();
        Map<String, UniverseSymbol> wanted = request.bySymbol();
        Page page = new Page(request.timeframe(), wanted);
        try (InputStream in = body;
                JsonParser p = json.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the page");
            boolean sawBars = false;
            boolean sawToken = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "bars" -> {
                        sawBars = true;
                        readBars(p, value, page);
                    }
                    case "next_page_token" -> {
                        sawToken = true;
                        // Missing, null and "" all mean the last page (a client that waited for "" looped).
                        String token = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                        page.nextPageToken = token == null || token.isEmpty() ? null : token;
                    }
                    default -> p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of the page");
            if (!sawBars || !sawToken) {
                throw new IOException("bars page lacks " + (sawBars ? "next_page_token" : "bars"));
            }
        }
        return page.toBarsPage();
    }

    private static void readBars(JsonParser p, JsonToken value, Page page) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        expect(p, value, JsonToken.START_OBJECT, "bars");
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String symbol = p.currentName();
            JsonToken bars = p.nextToken();
            if (bars == JsonToken.VALUE_NULL) {
                continue;
            }
            expect(p, bars, JsonToken.START_ARRAY, "bars of " + symbol);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                page.add(symbol, readBar(p, page.bar));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of the bars of " + symbol);
        }
    }

    /** The fields of one bar into {@code bar}: numbers as their text, anything else as NOT_A_NUMBER. */
    private static RawBar readBar(JsonParser p, RawBar bar) throws IOException {
        bar.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            Object value = switch (token) {
                case VALUE_NUMBER_INT -> p.getText();
                case VALUE_NUMBER_FLOAT -> p.isNaN() ? RawBar.NOT_A_NUMBER : p.getText();
                case VALUE_NULL -> null;
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                    yield RawBar.NOT_A_NUMBER;
                }
                default -> name.equals("t") ? p.getText() : RawBar.NOT_A_NUMBER;
            };
            bar.set(name, value);
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
    private static final class Page {
        private final String timeframe;
        private final Map<String, UniverseSymbol> wanted;
        private final List<BarRow> rows = new ArrayList<>();
        private final Set<String> unexpected = new TreeSet<>();
        private final List<RejectedBar> rejected = new ArrayList<>();
        // The bar being read: one for the whole page, cleared for each bar.
        private final RawBar bar = new RawBar();
        private String nextPageToken;

        Page(String timeframe, Map<String, UniverseSymbol> wanted) {
            this.timeframe = timeframe;
            this.wanted = wanted;
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
                ts = BarTime.parse(bar.t);
            } catch (DateTimeException e) {
                rejected.add(new RejectedBar(symbol, null, "unparseable timestamp t '" + bar.t + "'"));
                return;
            }
            rows.add(new BarRow(
                    symbol,
                    timeframe,
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
        private static Instant timeOrNull(String t) {
            try {
                return t == null ? null : BarTime.parse(t);
            } catch (DateTimeException e) {
                return null;
            }
        }

        BarsPage toBarsPage() {
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

    /**
     * The fields of a bar as read: a number's text as sent, {@link #NOT_A_NUMBER} for a value of another
     * kind (a string, NaN, an object), null when absent. Prices stay text: exact, and cheaper than a
     * BigDecimal per value.
     */
    static final class RawBar {
        static final Object NOT_A_NUMBER = new Object() {
            @Override
            public String toString() {
                return "(not a number)";
            }
        };

        String t;
        Object o;
        Object h;
        Object l;
        Object c;
        Object v;
        Object n;
        Object vw;
        // v and n as read by BarRules, which checks them.
        long volume;
        Long tradeCount;

        void clear() {
            t = null;
            o = h = l = c = v = n = vw = null;
            tradeCount = null;
        }

        void set(String name, Object value) {
            switch (name) {
                case "t" -> t = value instanceof String text ? text : null;
                case "o" -> o = value;
                case "h" -> h = value;
                case "l" -> l = value;
                case "c" -> c = value;
                case "v" -> v = value;
                case "n" -> n = value;
                case "vw" -> vw = value;
                default -> {} // fields barfeed does not store
            }
        }

        Object price(char name) {
            return switch (name) {
                case 'o' -> o;
                case 'h' -> h;
                case 'l' -> l;
                default -> c;
            };
        }

        @Override
        public String toString() {
            return "{t=" + t + ", o=" + o + ", h=" + h + ", l=" + l + ", c=" + c + ", v=" + v + ", n=" + n + ", vw="
                    + vw + "}";
        }
    }

    /** What makes a bar unstorable; reads v and n into the bar on the way. */
    static final class BarRules {
        private static final char[] PRICES = {'o', 'h', 'l', 'c'};

        private BarRules() {}

        static String problemOf(RawBar bar) {
            if (bar.t == null) {
                return "missing timestamp t";
            }
            for (char price : PRICES) {
                Object value = bar.price(price);
                if (!(value instanceof String decimal)) {
                    return value == null ? "missing price " + price : "price " + price + " is not a number";
                }
                if (negative(decimal)) {
                    return "negative price " + price;
                }
            }
            if (!(bar.v instanceof String v)) {
                return "missing or non-numeric volume v";
            }
            bar.volume = wholeNumber(v);
            if (bar.volume < 0) {
                return "volume v is not a non-negative whole number below 2^63";
            }
            if (bar.n != null) {
                long count = bar.n instanceof String n ? wholeNumber(n) : -1;
                if (count < 0) {
                    return "trade count n is not a non-negative whole number below 2^63";
                }
                bar.tradeCount = count;
            }
            if (bar.vw != null && (!(bar.vw instanceof String vw) || negative(vw))) {
                return "vwap vw is not a non-negative number";
            }
            if (compare((String) bar.h, (String) bar.l) < 0) {
                return "high below low";
            }
            return null;
        }

        /** A JSON number's text below zero ("-0.0" is not). */
        static boolean negative(String number) {
            if (number.charAt(0) != '-') {
                return false;
            }
            for (int i = 1; i < number.length(); i++) {
                char ch = number.charAt(i);
                if (ch == 'e' || ch == 'E') {
                    break;
                }
                if (ch >= '1' && ch <= '9') {
                    return true;
                }
            }
            return false;
        }

        /** The value of a JSON number's text that is a whole number in 0..Long.MAX_VALUE, else -1. */
        static long wholeNumber(String number) {
            if (number.length() <= 18 && plainDigits(number)) {
                return Long.parseLong(number); // the usual form, without a BigDecimal
            }
            BigDecimal value = new BigDecimal(number);
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(LONG_MAX) > 0) {
                return -1;
            }
            return value.longValueExact();
        }

        private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

        private static boolean plainDigits(String number) {
            for (int i = 0; i < number.length(); i++) {
                if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        /** Compares two JSON numbers' values; doubles decide unless they cannot tell the two apart. */
        static int compare(String a, String b) {
            if (a.equals(b)) {
                return 0;
            }
            int byDouble = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
            return byDouble != 0 ? byDouble : new BigDecimal(a).compareTo(new BigDecimal(b));
        }
    }
}
