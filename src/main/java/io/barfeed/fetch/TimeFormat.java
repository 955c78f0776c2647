package io.barfeed.fetch;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** How a provider writes a bar's start time. */
public enum TimeFormat {
    /** {@code 2024-01-02T14:30:00Z}, fractions allowed (Alpaca). */
    RFC3339,
    /** Milliseconds since the epoch (Massive's {@code t}). */
    EPOCH_MILLIS,
    /** Seconds since the epoch. */
    EPOCH_SECONDS,
    /** Nanoseconds since the epoch. */
    EPOCH_NANOS;

    /** The instant {@code text} writes in this format. */
    public Instant parse(String text) {
        if (this == RFC3339) {
            return BarTime.parse(text);
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new DateTimeParseException("not a whole number of " + name().toLowerCase(), text, 0);
        }
        return switch (this) {
            case EPOCH_MILLIS -> Instant.ofEpochMilli(value);
            case EPOCH_SECONDS -> Instant.ofEpochSecond(value);
            default ->
                Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
    }
}
