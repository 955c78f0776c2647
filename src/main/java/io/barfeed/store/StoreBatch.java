package io.barfeed.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.barfeed.fetch.BarRow;
import io.barfeed.fetch.BarsPage;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.UniverseSymbol;

/**
 * A batch of a page's rows, stored in one transaction, and whether its bars are all new: after their symbol's
 * newest stored bar (the {@code since} of the universe query), so COPY can write them without a conflict. Bars at
 * or before it (the overlap of a request's start, the revisit window, a repair) take the insert. A class, not a
 * record: Camel hashes and prints the objects it calls.
 */
public final class StoreBatch {

    private final List<BarRow> rows;
    private final boolean newBars;

    StoreBatch(List<BarRow> rows, boolean newBars) {
        this.rows = rows;
        this.newBars = newBars;
    }

    /**
     * The page's rows in batches of at most {@code size}: the bars already stored before the new ones, each group in
     * the page's symbol-then-time order. A symbol's stored bars thus stay a prefix of its range whatever batch
     * fails (the next run's since leaves no gap behind).
     */
    public static List<StoreBatch> of(BarsPage page, PlannedRequest request, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("barfeed.store.batch-size must be at least 1, was " + size);
        }
        Map<String, UniverseSymbol> symbols = request.bySymbol();
        List<BarRow> stored = new ArrayList<>();
        List<BarRow> fresh = new ArrayList<>();
        for (BarRow row : page.rows()) {
            UniverseSymbol symbol = symbols.get(row.symbol());
            Instant since = symbol == null ? null : symbol.since();
            boolean isNew = since == null
                    || row.epochSecond() > since.getEpochSecond()
                    || row.epochSecond() == since.getEpochSecond() && row.nano() > since.getNano();
            (isNew ? fresh : stored).add(row);
        }
        List<StoreBatch> batches = new ArrayList<>();
        cut(stored, false, size, batches);
        cut(fresh, true, size, batches);
        return batches;
    }

    /** Rows to store as one batch: {@code newBars} when none of them can be stored already (COPY may take them). */
    public static StoreBatch of(List<BarRow> rows, boolean newBars) {
        return new StoreBatch(rows, newBars);
    }

    private static void cut(List<BarRow> rows, boolean newBars, int size, List<StoreBatch> into) {
        for (int from = 0; from < rows.size(); from += size) {
            into.add(new StoreBatch(rows.subList(from, Math.min(from + size, rows.size())), newBars));
        }
    }

    public List<BarRow> rows() {
        return rows;
    }

    /** Whether every bar is after its symbol's newest stored one. */
    public boolean newBars() {
        return newBars;
    }

    @Override
    public String toString() {
        return "StoreBatch[" + rows.size() + (newBars ? " new bars]" : " bars]");
    }
}
