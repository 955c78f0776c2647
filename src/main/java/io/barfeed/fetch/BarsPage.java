package io.barfeed.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of the bars API turned into rows to store. {@code rows} hold the named parameters of
 * {@code barfeed.store.insert}; {@code rejected} are bars that failed validation and are not stored.
 * A class, not a record: routes call its methods, and Camel hashes and prints the objects it calls,
 * which for a record of 10,000 rows costs more than storing them.
 */
public final class BarsPage {

    private final List<BarRow> rows;
    private final String nextPageToken;
    private final Map<String, Long> barsBySymbol;
    private final List<RejectedBar> rejected;

    public BarsPage(
            List<BarRow> rows, String nextPageToken, Map<String, Long> barsBySymbol, List<RejectedBar> rejected) {
        this.rows = List.copyOf(rows);
        this.nextPageToken = nextPageToken;
        this.barsBySymbol = Map.copyOf(barsBySymbol);
        this.rejected = List.copyOf(rejected);
    }

    public List<BarRow> rows() {
        return rows;
    }

    /** Null on the last page. */
    public String nextPageToken() {
        return nextPageToken;
    }

    public Map<String, Long> barsBySymbol() {
        return barsBySymbol;
    }

    public List<RejectedBar> rejected() {
        return rejected;
    }

    /** The rows cut into batches of at most {@code size}, each stored in one transaction. */
    public List<List<BarRow>> batches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("barfeed.store.batch-size must be at least 1, was " + size);
        }
        List<List<BarRow>> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            batches.add(rows.subList(from, Math.min(from + size, rows.size())));
        }
        return batches;
    }

    @Override
    public String toString() {
        return "BarsPage[" + rows.size() + " rows, " + rejected.size() + " rejected, next_page_token=" + nextPageToken
                + "]";
    }

    /** A bar the API sent that cannot be stored, and why. */
    public record RejectedBar(String symbol, String reason) {}
}
