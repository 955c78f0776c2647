package io.barfeed.stream;

import java.util.ArrayList;
import java.util.List;

import io.barfeed.fetch.BarRow;
import io.barfeed.run.Run;
import io.barfeed.store.StoreBatch;

/**
 * Streamed bars stored together: the new minute bars, the corrections, the bars rejected, when each stored bar's
 * frame arrived (for the lag meter), and the connection's run they are recorded under. Filled by
 * {@link StreamBatching} as the aggregator collects the items of the frames. A class, not a record: Camel prints the
 * objects it routes.
 */
public final class StreamBatch {

    private final Run run;
    private final List<BarRow> bars = new ArrayList<>();
    private final List<BarRow> corrections = new ArrayList<>();
    private final List<StreamItem> rejected = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    StreamBatch(Run run) {
        this.run = run;
    }

    void add(StreamItem item) {
        if (item == null || item.message() == null) {
            return;
        }
        if (item.row() != null) {
            (item.correction() ? corrections : bars).add(item.row());
            arrivals.add(item.message().arrivedNanos());
        } else if (item.problem() != null) {
            rejected.add(item);
        }
    }

    /** The run of the connection the bars came on. */
    public Run run() {
        return run;
    }

    /** New minute bars. */
    public List<BarRow> bars() {
        return bars;
    }

    /** Minute bars that replace one sent before. */
    public List<BarRow> corrections() {
        return corrections;
    }

    public List<StreamItem> rejected() {
        return rejected;
    }

    /**
     * What the store route writes, in order: the new minute bars as new (COPY while it is in force; a bar stored
     * after all, say by a repair, sends its batch through the idempotent insert), then the corrections with the
     * insert, which replaces the bar stored before.
     */
    public List<StoreBatch> storeBatches() {
        List<StoreBatch> batches = new ArrayList<>(2);
        if (!bars.isEmpty()) {
            batches.add(StoreBatch.of(bars, true));
        }
        if (!corrections.isEmpty()) {
            batches.add(StoreBatch.of(corrections, false));
        }
        return batches;
    }

    /** When the frame of each bar arrived ({@link System#nanoTime()}). */
    List<Long> arrivals() {
        return arrivals;
    }

    /** Bars to store. */
    public int stored() {
        return bars.size() + corrections.size();
    }

    @Override
    public String toString() {
        return "StreamBatch[" + bars.size() + " bars, " + corrections.size() + " corrections, " + rejected.size()
                + " rejected]";
    }
}
