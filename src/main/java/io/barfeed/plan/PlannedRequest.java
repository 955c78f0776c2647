package io.barfeed.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One bars request (all its pages): its symbols share one start and one end. A repair asks again for a range
 * behind the symbols' newest stored bars that an earlier run did not store; {@code openRangeSymbols} are the
 * symbols with open failure ranges inside the group's span, resolved when every request of the {@code group}
 * completed (a span cut into months or shorter spans for the provider is one group). {@code timeframeParam} is
 * the provider's word for the timeframe, {@code zone} its market time zone (for dates and months). {@code feed} is
 * the data feed to ask for when it is not the provider's setting (the live stream's repairs ask for the stream's
 * own feed); null: the setting.
 */
public record PlannedRequest(
        String timeframe,
        List<UniverseSymbol> symbols,
        Instant start,
        Instant end,
        boolean repair,
        List<String> openRangeSymbols,
        String timeframeParam,
        ZoneId zone,
        RequestGroup group,
        String feed) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM");

    public PlannedRequest {
        symbols = List.copyOf(symbols);
        openRangeSymbols = List.copyOf(openRangeSymbols);
    }

    /** A request for the provider's own feed. */
    public PlannedRequest(
            String timeframe,
            List<UniverseSymbol> symbols,
            Instant start,
            Instant end,
            boolean repair,
            List<String> openRangeSymbols,
            String timeframeParam,
            ZoneId zone,
            RequestGroup group) {
        this(timeframe, symbols, start, end, repair, openRangeSymbols, timeframeParam, zone, group, null);
    }

    /** A request of one group, barfeed's timeframe name as the provider's, dates in UTC. */
    public PlannedRequest(
            String timeframe,
            List<UniverseSymbol> symbols,
            Instant start,
            Instant end,
            boolean repair,
            List<String> openRangeSymbols) {
        this(
                timeframe,
                symbols,
                start,
                end,
                repair,
                openRangeSymbols,
                timeframe,
                ZoneOffset.UTC,
                RequestGroup.of(start, end));
    }

    /** A request with no open ranges to resolve. */
    public PlannedRequest(String timeframe, List<UniverseSymbol> symbols, Instant start, Instant end) {
        this(timeframe, symbols, start, end, false, List.of());
    }

    /** The feed to ask for: this request's own, else {@code setting} (the provider's). */
    public String feedOr(String setting) {
        return feed == null || feed.isBlank() ? setting : feed;
    }

    /** The calendar month of the start in the provider's time zone, {@code 2024-01}. */
    public String month() {
        return MONTH.format(start.atZone(zone));
    }

    /** The date of the start in the provider's time zone. */
    public LocalDate startDate() {
        return LocalDate.ofInstant(start, zone);
    }

    /** The date of the end in the provider's time zone. */
    public LocalDate endDate() {
        return LocalDate.ofInstant(end, zone);
    }

    /** The request's only symbol, for providers that take one a request. */
    public String symbol() {
        if (symbols.size() != 1) {
            throw new IllegalStateException("a request of " + symbols.size() + " symbols asked for its only one");
        }
        return symbols.get(0).symbol();
    }

    /** The only symbol, URL-encoded for a path segment. */
    public String symbolPath() {
        return URLEncoder.encode(symbol(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The timeframe as multiplier and timespan. */
    public Timeframe frame() {
        return Timeframe.of(timeframe);
    }

    /** The {@code symbols} query value: comma-separated, each symbol URL-encoded. */
    public String symbolsParam() {
        return symbols.stream()
                .map(s -> URLEncoder.encode(s.symbol(), StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }

    public Map<String, UniverseSymbol> bySymbol() {
        return symbols.stream().collect(Collectors.toMap(UniverseSymbol::symbol, Function.identity(), (a, b) -> a));
    }
}
