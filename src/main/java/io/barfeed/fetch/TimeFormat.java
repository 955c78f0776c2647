package io.barfeed.fetch;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How a provider writes a bar's start time: {@code rfc3339} ({@code 2024-01-02T14:30:00Z}, fractions and offsets
 * allowed: Alpaca), {@code epoch-seconds}, {@code epoch-millis} (Massive), {@code epoch-micros}, {@code epoch-nanos}
 * (whole numbers, as JSON numbers or strings), {@code date} (a bare {@code 2024-01-02}, for daily bars: the start of
 * that day), or a {@link DateTimeFormatter} pattern ({@code yyyy-MM-dd HH:mm:ss}: Alpha Vantage). A date or a
 * pattern without an offset is a local time, read in a time zone: the reader's timeZone, or the one its page names.
 */
public final class TimeFormat {

    private enum Kind {
        RFC3339,
        EPOCH_SECONDS,
        EPOCH_MILLIS,
        EPOCH_MICROS,
        EPOCH_NANOS,
        DATE,
        PATTERN,
        // yyyy-MM-dd HH:mm:ss, read digit by digit: DateTimeFormatter costs a microsecond a bar.
        SPACED_LOCAL
    }

    private final String text;
    private final Kind kind;
    private final DateTimeFormatter pattern;
    private final boolean local;

    private TimeFormat(String text, Kind kind, DateTimeFormatter pattern, boolean local) {
        this.text = text;
        this.kind = kind;
        this.pattern = pattern;
        this.local = local;
    }

    public static final TimeFormat RFC3339 = new TimeFormat("rfc3339", Kind.RFC3339, null, false);

    /** The format a setting names. */
    public static TimeFormat of(String setting) {
        String name = setting.trim();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "rfc3339":
                return RFC3339;
            case "epoch-seconds":
                return new TimeFormat(name, Kind.EPOCH_SECONDS, null, false);
            case "epoch-millis":
                return new TimeFormat(name, Kind.EPOCH_MILLIS, null, false);
            case "epoch-micros":
                return new TimeFormat(name, Kind.EPOCH_MICROS, null, false);
            case "epoch-nanos":
                return new TimeFormat(name, Kind.EPOCH_NANOS, null, false);
            case "date":
                return new TimeFormat(name, Kind.DATE, null, true);
            default:
                break;
        }
        if (name.equals("yyyy-MM-dd HH:mm:ss") || name.equals("uuuu-MM-dd HH:mm:ss")) {
            return new TimeFormat(name, Kind.SPACED_LOCAL, null, true);
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(name, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "timeFormat '" + name + "' is not rfc3339, epoch-seconds, epoch-millis, epoch-micros, epoch-nanos,"
                            + " date, nor a date-time pattern: " + e.getMessage(),
                    e);
        }
        // Offset or zone letters: the text says its own offset; else it is a local time.
        boolean local = !name.replaceAll("'[^']*'", "").matches(".*[XxZOVz].*");
        return new TimeFormat(name, Kind.PATTERN, formatter, local);
    }

    /** Whether a time in this format is a local one, read in a time zone. */
    public boolean local() {
        return local;
    }

    /** The instant {@code t} writes in this format; a local time read in {@code zone}. */
    public Instant parse(String t, ZoneId zone) {
        switch (kind) {
            case RFC3339:
                return BarTime.parse(t);
            case EPOCH_SECONDS:
                return epoch(t, 1_000_000_000L);
            case EPOCH_MILLIS:
                return epoch(t, 1_000_000L);
            case EPOCH_MICROS:
                return epoch(t, 1_000L);
            case EPOCH_NANOS:
                return epoch(t, 1L);
            case DATE:
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            case SPACED_LOCAL:
                return spacedLocal(t).atZone(zone).toInstant();
            default:
                return patterned(t, zone);
        }
    }

    /** Whole units since the epoch; epoch seconds may have a fraction. */
    private Instant epoch(String t, long nanosPerUnit) {
        long value;
        try {
            value = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (nanosPerUnit == 1_000_000_000L && DecimalText.isDecimal(t)) {
                BigDecimal nanos = new BigDecimal(t).movePointRight(9);
                return Instant.ofEpochSecond(0, nanos.longValue());
            }
            throw new DateTimeParseException("not a whole number of " + text, t, 0);
        }
        if (nanosPerUnit == 1_000_000_000L) {
            return Instant.ofEpochSecond(value);
        }
        long perSecond = 1_000_000_000L / nanosPerUnit;
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond), Math.floorMod(value, perSecond) * nanosPerUnit);
    }

    private static LocalDateTime spacedLocal(String t) {
        if (t.length() != 19
                || t.charAt(4) != '-'
                || t.charAt(7) != '-'
                || t.charAt(10) != ' '
                || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            throw new DateTimeParseException("not yyyy-MM-dd HH:mm:ss", t, 0);
        }
        return LocalDateTime.of(
                digits(t, 0, 4),
                digits(t, 5, 7),
                digits(t, 8, 10),
                digits(t, 11, 13),
                digits(t, 14, 16),
                digits(t, 17, 19));
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeParseException("not a digit at " + i, t, i);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private Instant patterned(String t, ZoneId zone) {
        TemporalAccessor parsed =
                pattern.parseBest(t, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (parsed instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (zone == null) {
            throw new DateTimeException("a local time and no time zone");
        }
        if (parsed instanceof LocalDateTime time) {
            return time.atZone(zone).toInstant();
        }
        return ((LocalDate) parsed).atStartOfDay(zone).toInstant();
    }

    @Override
    public String toString() {
        return text;
    }
}
