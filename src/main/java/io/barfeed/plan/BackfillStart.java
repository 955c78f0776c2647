package io.barfeed.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.barfeed.settings.BadSetting;

/** {@code barfeed.fetch.backfill-start}: a date (2024-01-02), an instant, or a period back from now (P60D). */
public record BackfillStart(String setting) {

    public static final String KEY = "barfeed.fetch.backfill-start";

    public BackfillStart {
        resolve(setting, Instant.EPOCH); // fail at start-up, not at the first run
    }

    public Instant resolve(Instant now) {
        return resolve(setting, now);
    }

    private static Instant resolve(String setting, Instant now) {
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
            throw new BadSetting(KEY, "'" + setting
                    + "' is neither a date (2024-01-02), an instant (2024-01-02T00:00:00Z) nor a period (P60D)", e);
        }
    }
}
