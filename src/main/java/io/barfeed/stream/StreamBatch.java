package io.barfeed.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barfeed.fetch.BarRow;
import io.barfeed.run.Run;
import io.barfeed.store.StoreBatch;
import io.barfeed.stream.StreamRollUps.MissedWindow;

/**
 * Streamed bars stored together: the new minute bars, the corrections, the bars rejected, when each minute bar's
 * frame arrived (for the lag meter), and the connection's run they are recorded under; or the windows of the larger
 * timeframes rolled up from them ({@link StreamRollUps}), new or corrected, and the ones it could not roll up. Filled
 * by {@link StreamBatching} as the aggregator collects the items of the frames. A class, not a record: Camel prints
 * the objects it routes.
 */
public final class StreamBatch {

    private final Run run;
    private final boolean storesMinutes;
    private final List<BarRow> bars = new ArrayList<>();
    private final List<BarRow> corrections = new ArrayList<>();
    private final List<BarRow> rolledUp = new ArrayList<>();
    private final List<BarRow> rolledUpAgain = new ArrayList<>();
    private final List<StreamItem> rejected = new ArrayList<>();
    private final List<MissedWindow> missed = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();

    /** {@code storesMinutes}: 1Min is one of barfeed.fetch.timeframes (else minute bars only feed the roll-ups). */
    StreamBatch(Run run, boolean storesMinutes) {
        this.run = run;
        this.storesMinutes = storesMinutes;
    }

    void add(StreamItem item) {
        if (item == null || item.message() == null) {
            return;
        }
        if (item.row() != null) {
            (item.correction() ? corrections : bars).add(item.row());
            if (storesMinutes) {
                arrivals.add(item.message().arrivedNanos());
            }
        } else if (item.problem() != null) {
            rejected.add(item);
        }
    }

    void rolledUp(BarRow row, boolean again) {
        (again ? rolledUpAgain : rolledUp).add(row);
    }

    void missed(MissedWindow window) {
        missed.add(window);
    }

    /** The run of the connection the bars came on. */
    public Run run() {
        return run;
    }

    /** The minute bars received, new ones and corrections (what the roll-ups are made of). */
    public List<BarRow> minuteBars() {
        List<BarRow> all = new ArrayList<>(bars);
        all.addAll(corrections);
        return all;
    }

    /** Minute bars rejected by the rules, recorded as failures when the minute bars are stored. */
    public List<StreamItem> rejected() {
        return storesMinutes ? rejected : List.of();
    }

    /** Minute bars rejected by the rules, stored or not: their windows cannot be rolled up. */
    List<StreamItem> rejectedMinutes() {
        return rejected;
    }

    /** Windows of a larger timeframe the stream could not roll up faithfully. */
    public List<MissedWindow> missedWindows() {
        return missed;
    }

    /** Whether anything of the batch is for barfeed.failure. */
    public boolean failed() {
        return !rejected().isEmpty() || !missed.isEmpty();
    }

    /**
     * What the store route writes, in order: the new bars as new (COPY while it is in force; a bar stored after all,
     * say by a repair, sends its batch through the idempotent insert), then the corrections with the insert, which
     * replaces the bar stored before.
     */
    public List<StoreBatch> storeBatches() {
        List<StoreBatch> batches = new ArrayList<>(4);
        if (storesMinutes && !bars.isEmpty()) {
            batches.add(StoreBatch.of(bars, true));
        }
        if (storesMinutes && !corrections.isEmpty()) {
            batches.add(StoreBatch.of(corrections, false));
        }
        if (!rolledUp.isEmpty()) {
            batches.add(StoreBatch.of(rolledUp, true));
        }
        if (!rolledUpAgain.isEmpty()) {
            batches.add(StoreBatch.of(rolledUpAgain, false));
        }
        return batches;
    }

    /** When the frame of each stored minute bar arrived ({@link System#nanoTime()}). */
    List<Long> arrivals() {
        return arrivals;
    }

    /** Bars to store, by timeframe. */
    Map<String, Integer> storedByTimeframe() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (StoreBatch batch : storeBatches()) {
            for (BarRow row : batch.rows()) {
                counts.merge((String) row.get("timeframe"), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Bars to store. */
    public int stored() {
        return (storesMinutes ? bars.size() + corrections.size() : 0) + rolledUp.size() + rolledUpAgain.size();
    }

    @Override
    public String toString() {
        return "StreamBatch[" + bars.size() + " bars, " + corrections.size() + " corrections, " + rolledUp.size()
                + " rolled up, " + rolledUpAgain.size() + " rolled up again, " + rejected.size() + " rejected, "
                + missed.size() + " windows missed]";
    }
}
