package io.barfeed.fetch;

import java.util.List;
import java.util.Map;

/**
 * One page of the bars API turned into insert rows. {@code rows} hold the named parameters of
 * {@code barfeed.store.insert}; {@code rejected} are bars that failed validation and are not stored.
 */
public record BarsPage(List<Map<String, Object>> rows, String nextPageToken, Map<String, Long> barsBySymbol,
                       List<RejectedBar> rejected) {

    public BarsPage {
        rows = List.copyOf(rows);
        barsBySymbol = Map.copyOf(barsBySymbol);
        rejected = List.copyOf(rejected);
    }

    /** The rows cut into batches of at most {@code size}, each stored in one transaction. */
    public List<List<Map<String, Object>>> batches(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("barfeed.store.batch-size must be at least 1, was " + size);
        }
        List<List<Map<String, Object>>> batches = new java.util.ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            batches.add(rows.subList(from, Math.min(from + size, rows.size())));
        }
        return batches;
    }

    /** A bar the API sent that cannot be stored, and why. */
    public record RejectedBar(String symbol, String reason) {
    }
}
