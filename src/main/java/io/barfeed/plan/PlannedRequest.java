package io.barfeed.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One multi-symbol bars request (all its pages): the symbols share one start and one end. */
public record PlannedRequest(String timeframe, List<UniverseSymbol> symbols, Instant start, Instant end) {

    public PlannedRequest {
        symbols = List.copyOf(symbols);
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
