package io.barfeed.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.barfeed.simulator.SimulatedMarket.Frame;

/**
 * The query of one Massive {@code GET /v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}}, checked
 * as Massive checks it. {@code from} and {@code to} are dates (whole New York days) or epoch milliseconds, both
 * inclusive; {@code cursor} is where a next page starts. Equal queries render equal pages.
 *
 * @param origin scheme, host and port the request came to, for the next page's URL
 * @param path the path as asked, which the next page's URL repeats
 */
record AggregatesQuery(
        String origin,
        String path,
        String ticker,
        Frame frame,
        Instant from,
        Instant to,
        int limit,
        boolean adjusted,
        Instant cursor) {

    static final String PREFIX = "/v2/aggs/ticker/";
    private static final int MAX_LIMIT = 50_000;

    /** The query of a request; IllegalArgumentException, worded for a 400, when Massive would refuse it. */
    static AggregatesQuery parse(String origin, String rawPath, String rawQuery) {
        String[] parts = rawPath.substring(PREFIX.length()).split("/");
        if (parts.length != 6 || !parts[1].equals("range")) {
            throw new IllegalArgumentException(
                    "expected /v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/" + "{from}/{to}, got " + rawPath);
        }
        String ticker = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        Frame frame = new Frame(multiplier(parts[2]), timespan(parts[3]));
        Instant from = time(parts[4], "from", false);
        Instant to = time(parts[5], "to", true);
        Map<String, String> params = QueryParams.parse(rawQuery);
        int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 5000;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("Invalid limit: " + limit);
        }
        if (!params.getOrDefault("sort", "asc").equals("asc")) {
            throw new IllegalArgumentException("the simulator serves sort=asc only");
        }
        boolean adjusted = !params.getOrDefault("adjusted", "true").equals("false");
        String cursor = params.get("cursor");
        return new AggregatesQuery(
                origin,
                rawPath,
                ticker,
                frame,
                from,
                to,
                limit,
                adjusted,
                cursor == null ? null : Instant.ofEpochMilli(Cursor.decode(cursor)));
    }

    /** Where this page's bars start: the cursor, else {@code from}. */
    Instant start() {
        return cursor != null ? cursor : from;
    }

    /** The URL of the page from {@code next} on, as Massive writes it: without the key. */
    String nextUrl(Instant next) {
        return origin + path + "?cursor=" + Cursor.encode(next.toEpochMilli()) + "&adjusted=" + adjusted
                + "&sort=asc&limit=" + limit;
    }

    private static int multiplier(String text) {
        try {
            int multiplier = Integer.parseInt(text);
            if (multiplier >= 1) {
                return multiplier;
            }
        } catch (NumberFormatException e) {
            // worded below
        }
        throw new IllegalArgumentException("Invalid multiplier: " + text);
    }

    private static ChronoUnit timespan(String text) {
        return switch (text) {
            case "minute" -> ChronoUnit.MINUTES;
            case "hour" -> ChronoUnit.HOURS;
            case "day" -> ChronoUnit.DAYS;
            case "week" -> ChronoUnit.WEEKS;
            case "month" -> ChronoUnit.MONTHS;
            default -> throw new IllegalArgumentException("Invalid timespan: " + text);
        };
    }

    /** A date (its New York day: from its start, or to its end) or epoch milliseconds. */
    private static Instant time(String text, String name, boolean endOfDay) {
        try {
            if (text.length() == 10 && text.charAt(4) == '-') {
                LocalDate day = LocalDate.parse(text);
                return endOfDay
                        ? day.plusDays(1)
                                .atStartOfDay(SimulatedMarket.NEW_YORK)
                                .toInstant()
                                .minusMillis(1)
                        : day.atStartOfDay(SimulatedMarket.NEW_YORK).toInstant();
            }
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Could not parse the time parameter: '" + name + "'. Use YYYY-MM-DD or" + " Unix MS timestamps");
        }
    }

    /** The opaque cursor of next_url: the next bar's epoch milliseconds. */
    private static final class Cursor {
        static String encode(long millis) {
            return java.util.Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(Long.toString(millis).getBytes(StandardCharsets.UTF_8));
        }

        static long decode(String cursor) {
            try {
                return Long.parseLong(
                        new String(java.util.Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid cursor");
            }
        }
    }
}
