package io.barfeed.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One bars request (all its pages): its symbols share one start and one end. A repair asks again for a range
 * behind the symbols' newest stored bars that an earlier run did not store; {@code openRangeSymbols} are the
 * symbols with open failure ranges inside [start, end], resolved when the request completes. {@code feed} is the
 * data feed to ask for when it is not the provider's setting (the live stream's repairs ask for the stream's own
 * feed); null: the setting.
 */
public record PlannedRequest(
        String timeframe,
        List<UniverseSymbol> symbols,
        Instant start,
        Instant end,
        boolean repair,
        List<String> openRangeSymbols,
        String feed) {

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
            List<String> openRangeSymbols) {
        this(timeframe, symbols, start, end, repair, openRangeSymbols, null);
    }

    /** A request with no open ranges to resolve. */
    public PlannedRequest(String timeframe, List<UniverseSymbol> symbols, Instant start, Instant end) {
        this(timeframe, symbols, start, end, false, List.of());
    }

    /** The feed to ask for: this request's own, else {@code setting} (the provider's). */
    public String feedOr(String setting) {
        return feed == null || feed.isBlank() ? setting : feed;
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
