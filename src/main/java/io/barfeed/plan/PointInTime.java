package io.barfeed.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.barfeed.settings.BadSetting;

/**
 * A point in time as a setting gives it: a date (2024-01-02, UTC midnight), an instant, or a period
 * back from now (P60D). {@code barfeed.fetch.backfill-start} and {@code barfeed.fetch.until} take it.
 */
public record PointInTime(String key, String setting) {

    public PointInTime {
        resolve(key, setting, Instant.EPOCH); // fail at start-up, not at the first run
    }

    public Instant resolve(Instant now) {
        return resolve(key, setting, now);
    }

    private static Instant resolve(String key, String setting, Instant now) {
        String value = setting == null ? "" : setting.trim();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return now.atZone(ZoneOffset.UTC).minus(Period.parse(value)).toInstant();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadSetting(
                    key,
                    "'" + setting
                            + "' is neither a date (2024-01-02), an instant (2024-01-02T00:00:00Z) nor a period (P60D)",
                    e);
        }
    }
}
