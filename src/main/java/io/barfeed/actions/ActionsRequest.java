package io.barfeed.actions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** One corporate-actions request (all its pages): these symbols' actions processed from start to end. */
public record ActionsRequest(List<String> symbols, LocalDate start, LocalDate end) {

    public ActionsRequest {
        symbols = List.copyOf(symbols);
    }

    /** The start as a query value, an ISO date (Camel's own conversion would print it for the locale: 6/3/24). */
    public String startParam() {
        return start.toString();
    }

    /** The end as a query value, an ISO date. */
    public String endParam() {
        return end.toString();
    }

    /** The {@code symbols} query value: comma-separated, each symbol URL-encoded. */
    public String symbolsParam() {
        return symbols.stream()
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }
}
