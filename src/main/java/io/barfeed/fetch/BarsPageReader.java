package io.barfeed.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import io.barfeed.fetch.BarsPage.RejectedBar;
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
    private final JsonFactory json = JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public BarsPage read(InputStream body, @ExchangeProperty("cursor") PageCursor cursor) throws IOException {
        PlannedRequest request = cursor.request();
        Map<String, UniverseSymbol> wanted = request.bySymbol();
        Page page = new Page(request.timeframe(), wanted);
        try (InputStream in = body; JsonParser p = json.createParser(in)) {
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
                        page.nextPageToken = value == JsonToken.VALUE_NULL ? null : p.getValueAsString();
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
                page.add(symbol, readBar(p, page.fields));
            }
            expect(p, p.currentToken(), JsonToken.END_ARRAY, "the end of the bars of " + symbol);
        }
    }

    /** The raw fields of one bar, into {@code fields}; values the parser could not read as their type stay null. */
    private static Map<String, Object> readBar(JsonParser p, Map<String, Object> fields) throws IOException {
        fields.clear();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT -> p.getDecimalValue();
                case VALUE_NUMBER_FLOAT -> p.isNaN() ? Double.NaN : p.getDecimalValue();
                case START_OBJECT, START_ARRAY -> {
                    p.skipChildren();
                    yield null;
                }
                default -> null;
            };
            fields.put(name, value);
        }
        return fields;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("malformed bars page: expected " + expected + " for " + what + " but found "
                    + actual + " at " + p.currentLocation().offsetDescription());
        }
    }

    private static final Comparator<BarRow> ROW_ORDER = Comparator.comparing(BarRow::symbol).thenComparing(BarRow::ts);

    /** Rows of one page under construction. */
    private static final class Page {
        private final String timeframe;
        private final Map<String, UniverseSymbol> wanted;
        private final List<BarRow> rows = new ArrayList<>();
        private final List<RejectedBar> rejected = new ArrayList<>();
        // The bar being read: one map for the whole page, cleared for each bar.
        private final Map<String, Object> fields = new HashMap<>(16);
        private String nextPageToken;

        Page(String timeframe, Map<String, UniverseSymbol> wanted) {
            this.timeframe = timeframe;
            this.wanted = wanted;
        }

        void add(String symbol, Map<String, Object> bar) {
            UniverseSymbol target = wanted.get(symbol);
            if (target == null) {
                rejected.add(new RejectedBar(symbol, "symbol was not asked for"));
                return;
            }
            String problem = BarRules.problemOf(bar);
            if (problem != null) {
                rejected.add(new RejectedBar(symbol, problem + " in bar " + bar));
                return;
            }
            OffsetDateTime ts;
            try {
                ts = BarTime.parse((String) bar.get("t")).atOffset(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                rejected.add(new RejectedBar(symbol, "unparseable timestamp t '" + bar.get("t") + "'"));
                return;
            }
            rows.add(new BarRow(symbol, timeframe, ts, target.stockId(), (BigDecimal) bar.get("o"),
                    (BigDecimal) bar.get("h"), (BigDecimal) bar.get("l"), (BigDecimal) bar.get("c"),
                    ((BigDecimal) bar.get("v")).longValueExact(),
                    bar.get("n") instanceof BigDecimal n ? n.longValueExact() : null,
                    bar.get("vw") instanceof BigDecimal vw ? vw : null));
        }

        BarsPage toBarsPage() {
            // Stored in symbol-then-time order, a symbol's committed bars are always a prefix of its
            // range, so a failure leaves no gap behind the newest stored bar (the next run's since).
            rows.sort(ROW_ORDER);
            List<BarRow> unique = new ArrayList<>(rows.size());
            Map<String, Long> counts = new HashMap<>();
            BarRow previous = null;
            for (BarRow row : rows) {
                // One INSERT ... ON CONFLICT must never see a key twice ("cannot affect row a second time");
                // sorted, the same bar twice is two neighbours (the sort is stable: the first one is kept).
                if (previous != null && previous.symbol().equals(row.symbol()) && previous.ts().isEqual(row.ts())) {
                    rejected.add(new RejectedBar(row.symbol(), "duplicate bar at " + row.ts()));
                    continue;
                }
                unique.add(row);
                counts.merge(row.symbol(), 1L, Long::sum);
                previous = row;
            }
            return new BarsPage(unique, nextPageToken, counts, rejected);
        }
    }

    /** What makes a bar unstorable. */
    static final class BarRules {
        private BarRules() {
        }

        static String problemOf(Map<String, Object> bar) {
            if (!(bar.get("t") instanceof String)) {
                return "missing timestamp t";
            }
            for (String price : new String[] {"o", "h", "l", "c"}) {
                Object value = bar.get(price);
                if (!(value instanceof BigDecimal decimal)) {
                    return value == null ? "missing price " + price : "price " + price + " is not a number";
                }
                if (decimal.signum() < 0) {
                    return "negative price " + price;
                }
            }
            if (!(bar.get("v") instanceof BigDecimal v)) {
                return "missing or non-numeric volume v";
            }
            if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                return "volume v is not a non-negative whole number";
            }
            Object n = bar.get("n");
            if (n != null && (!(n instanceof BigDecimal count) || count.signum() < 0 || count.stripTrailingZeros().scale() > 0)) {
                return "trade count n is not a non-negative whole number";
            }
            Object vw = bar.get("vw");
            if (vw != null && (!(vw instanceof BigDecimal vwap) || vwap.signum() < 0)) {
                return "vwap vw is not a non-negative number";
            }
            BigDecimal high = (BigDecimal) bar.get("h");
            BigDecimal low = (BigDecimal) bar.get("l");
            if (high.compareTo(low) < 0) {
                return "high below low";
            }
            return null;
        }
    }
}
