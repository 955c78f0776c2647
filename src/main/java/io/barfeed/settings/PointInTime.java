package io.barfeed.settings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * A point in time as a setting gives it: a date (2024-01-02, UTC midnight), an instant, or a period back from
 * now (P60D). {@code barfeed.fetch.backfill-start} and {@code barfeed.fetch.until} take it; a value that is none
 * of these stops the start-up, named with its setting.
 */
public record PointInTime(String text) {

    public PointInTime {
        resolve(text, Instant.EPOCH); // fails at binding, not at the first run
    }

    /** The instant this point names, with periods counted back from {@code now}. */
    public Instant resolve(Instant now) {
        return resolve(text, now);
    }

    private static Instant resolve(String text, Instant now) {
        String value = text == null ? "" : text.trim();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return now.atZone(ZoneOffset.UTC).minus(Period.parse(value)).toInstant();
            }
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // No cause: the start-up report shows the innermost message, and this one says what to write.
            throw new IllegalArgumentException("'" + text
                    + "' is neither a date (2024-01-02), an instant (2024-01-02T00:00:00Z) nor a period (P60D)");
        }
    }

    @Override
    public String toString() {
        return text;
    }

    /** Binds a setting's text; an empty setting (until:) is no point at all. */
    @Component
    @ConfigurationPropertiesBinding
    static final class FromText implements Converter<String, PointInTime> {
        @Override
        public PointInTime convert(String text) {
            return text.isBlank() ? null : new PointInTime(text);
        }
    }
}
