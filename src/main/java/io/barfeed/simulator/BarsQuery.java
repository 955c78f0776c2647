package io.barfeed.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.barfeed.simulator.SimulatedMarket.Frame;

/**
 * The query of one {@code GET /v2/stocks/bars}, checked as Alpaca checks it; equal queries render equal pages
 * (symbols are sorted and deduplicated, as they are paged).
 */
record BarsQuery(
        List<String> symbols,
        Frame frame,
        Instant start,
        Instant end,
        int limit,
        PageToken token,
        boolean splitAdjusted) {

    private static final int MAX_LIMIT = 10_000;

    /** The query of a raw query string; IllegalArgumentException, worded for a 400, when Alpaca would refuse it. */
    static BarsQuery parse(String rawQuery) {
        Map<String, String> params = QueryParams.parse(rawQuery);
        String symbolList = params.get("symbols");
        if (symbolList == null || symbolList.isBlank()) {
            throw new IllegalArgumentException("symbols is required");
        }
        List<String> symbols = Arrays.stream(symbolList.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted()
                .toList();
        Frame frame = Frame.parse(params.get("timeframe"));
        Instant start = time(params.get("start"), "start", Instant.parse("2016-01-01T00:00:00Z"));
        Instant end = time(params.get("end"), "end", Instant.now());
        int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 1000;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("invalid limit: " + limit);
        }
        String token = params.get("page_token");
        PageToken pageToken = token == null || token.isEmpty() ? PageToken.FIRST : PageToken.decode(token);
        String adjustment = params.getOrDefault("adjustment", "raw");
        if (!adjustment.matches("(raw|split|dividend|spin-off|all)(,(split|dividend|spin-off))*")) {
            throw new IllegalArgumentException("invalid adjustment: " + adjustment);
        }
        boolean split = adjustment.contains("split") || adjustment.equals("all");
        return new BarsQuery(symbols, frame, start, end, limit, pageToken, split);
    }

    /** A time as Alpaca takes it: a date (midnight UTC) or an RFC 3339 instant. */
    private static Instant time(String value, String name, Instant absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + name + ": " + value);
        }
    }
}
