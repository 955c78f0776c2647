package io.barfeed.stream;

import java.util.ArrayList;
import java.util.List;

import io.barfeed.fetch.BarRow;

/**
 * Streamed bars stored together: the new minute bars, the corrections, the bars rejected, and when each stored bar's
 * frame arrived (for the lag meter). Filled by {@link StreamBatching} as the aggregator collects a frame's items.
 */
public final class StreamBatch {

    private final List<BarRow> bars = new ArrayList<>();
    private final List<BarRow> corrections = new ArrayList<>();
    private final List<StreamItem> rejected = new ArrayList<>();
    private final List<Long> arrivals = new ArrayList<>();
    private List<BarRow> rolledUp = List.of();

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

    /** When the frame of each bar arrived ({@link System#nanoTime()}). */
    List<Long> arrivals() {
        return arrivals;
    }

    /** Roll-ups already written that a correction changed, to write again. */
    public List<BarRow> rolledUp() {
        return rolledUp;
    }

    void rolledUp(List<BarRow> rows) {
        this.rolledUp = rows;
    }

    public int size() {
        return bars.size() + corrections.size() + rejected.size();
    }

    @Override
    public String toString() {
        return "StreamBatch[" + bars.size() + " bars, " + corrections.size() + " corrections, " + rejected.size()
                + " rejected]";
    }
}
