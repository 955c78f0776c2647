package io.barfeed.fetch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One page of the bars API turned into rows to store. {@code rows} hold the named parameters of
 * {@code barfeed.store.insert}; {@code rejected} are bars that failed validation and are not stored.
 * A class, not a record: routes call its methods, and Camel hashes and prints the objects it calls,
 * which for a record of 10,000 rows costs more than storing them.
 */
public final class BarsPage {

    /** A page without bars and without a next page: what a provider's route answers for "no bars here". */
    public static final BarsPage EMPTY = new BarsPage(List.of(), null, Map.of(), List.of(), List.of());

    /** For a route: {@link #EMPTY}. */
    public static BarsPage none() {
        return EMPTY;
    }

    private final List<BarRow> rows;
    private final String nextPageToken;
    private final Map<String, SymbolTally> bySymbol;
    private final List<RejectedBar> rejected;
    private final List<String> unexpectedSymbols;

    public BarsPage(
            List<BarRow> rows,
            String nextPageToken,
            Map<String, SymbolTally> bySymbol,
            List<RejectedBar> rejected,
            List<String> unexpectedSymbols) {
        this.rows = List.copyOf(rows);
        this.nextPageToken = nextPageToken;
        this.bySymbol = Map.copyOf(bySymbol);
        this.rejected = List.copyOf(rejected);
        this.unexpectedSymbols = List.copyOf(unexpectedSymbols);
    }

    public List<BarRow> rows() {
        return rows;
    }

    /** Null on the last page. */
    public String nextPageToken() {
        return nextPageToken;
    }

    /** Each symbol's bars on this page: how many, and the newest. */
    public Map<String, SymbolTally> bySymbol() {
        return bySymbol;
    }

    public List<RejectedBar> rejected() {
        return rejected;
    }

    /** Symbols the API sent bars for that the request did not ask for: not stored, nothing of ours missing. */
    public List<String> unexpectedSymbols() {
        return unexpectedSymbols;
    }

    @Override
    public String toString() {
        return "BarsPage[" + rows.size() + " rows, " + rejected.size() + " rejected, next_page_token=" + nextPageToken
                + "]";
    }

    /** A bar the API sent that cannot be stored, and why; {@code t} is its time, null when unreadable. */
    public record RejectedBar(String symbol, Instant t, String reason) {}

    /** A symbol's bars on a page: how many, and the newest one's time. */
    public record SymbolTally(long bars, Instant newest) {

        SymbolTally plus(Instant t) {
            return new SymbolTally(bars + 1, newest == null || t.isAfter(newest) ? t : newest);
        }

        /** This tally, then a later page's. */
        public SymbolTally then(SymbolTally later) {
            return new SymbolTally(bars + later.bars, later.newest.isAfter(newest) ? later.newest : newest);
        }
    }
}
