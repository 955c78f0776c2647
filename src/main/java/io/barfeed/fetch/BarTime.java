package io.barfeed.fetch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads a bar's {@code t}. Alpaca writes RFC-3339 in UTC ({@code 2024-01-02T14:30:00Z}, sometimes with
 * a fraction); that form is read digit by digit, anything else goes to {@link Instant#parse}. On a page
 * of 10,000 bars {@code Instant.parse} alone cost more than the rest of the page's mapping.
 */
final class BarTime {

    private BarTime() {}

    static Instant parse(String t) {
        int n = t.length();
        if (n >= 20
                && t.charAt(n - 1) == 'Z'
                && t.charAt(4) == '-'
                && t.charAt(7) == '-'
                && t.charAt(10) == 'T'
                && t.charAt(13) == ':'
                && t.charAt(16) == ':'
                && (n == 20 || t.charAt(19) == '.')) {
            int nanos = 0;
            if (n > 20) {
                int digits = n - 21;
                if (digits < 1 || digits > 9) {
                    return Instant.parse(t);
                }
                nanos = digits(t, 20, n - 1);
                for (int i = digits; i < 9; i++) {
                    nanos *= 10;
                }
            }
            int hour = digits(t, 11, 13);
            int minute = digits(t, 14, 16);
            int second = digits(t, 17, 19);
            if (hour > 23 || minute > 59 || second > 59 || nanos < 0) {
                throw new DateTimeParseException("not a time of day", t, 11);
            }
            long day = LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10))
                    .toEpochDay();
            return Instant.ofEpochSecond(day * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        }
        return Instant.parse(t);
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
}
