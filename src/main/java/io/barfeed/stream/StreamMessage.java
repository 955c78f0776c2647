package io.barfeed.stream;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message of a stream frame: its kind as the provider's {@link StreamProtocol} reads it ({@code bar},
 * {@code updated-bar}, {@code control}, {@code other}), its fields as sent (numbers as exact decimals), when its frame
 * arrived ({@link System#nanoTime()}) and the universe's stock id of its symbol (null: not in the universe). A class,
 * not a record: Camel prints what it routes, and a message's fields are many.
 */
public final class StreamMessage {

    private final String kind;
    private final String type;
    private final String symbol;
    private final Map<String, Object> fields;
    private final long arrivedNanos;
    private final Long stockId;
    private final Instant time;
    private final String timeProblem;
    private final List<Object> values;

    StreamMessage(
            String kind,
            String type,
            String symbol,
            Map<String, Object> fields,
            long arrivedNanos,
            Long stockId,
            Instant time,
            String timeProblem,
            List<Object> values) {
        this.kind = kind;
        this.type = type;
        this.symbol = symbol;
        this.fields = fields;
        this.arrivedNanos = arrivedNanos;
        this.stockId = stockId;
        this.time = time;
        this.timeProblem = timeProblem;
        this.values = values;
    }

    /** A bar's start time, as its protocol reads it; null when absent or unreadable ({@link #timeProblem}). */
    public Instant time() {
        return time;
    }

    /** Why a bar's time could not be read; null when it could. */
    public String timeProblem() {
        return timeProblem;
    }

    /** A bar's open, high, low, close, volume, trade count and vwap as sent (null: absent); empty for others. */
    public List<Object> values() {
        return values;
    }

    /** {@code bar}, {@code updated-bar}, {@code control} or {@code other} (statuses, daily bars, trades...). */
    public String kind() {
        return kind;
    }

    /** The provider's own word for the message type ({@code b}, {@code u}, {@code AM}, {@code success}...). */
    public String type() {
        return type;
    }

    public String symbol() {
        return symbol;
    }

    public Object field(String name) {
        return fields.get(name);
    }

    Map<String, Object> fields() {
        return fields;
    }

    /** When the frame holding this message arrived, in {@link System#nanoTime()}. */
    public long arrivedNanos() {
        return arrivedNanos;
    }

    /** The universe's stock id of the symbol; null when the symbol is not in the universe. */
    public Long stockId() {
        return stockId;
    }

    @Override
    public String toString() {
        return kind + " " + fields;
    }
}
