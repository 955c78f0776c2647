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

    /** The query string of the request's first page (ISO dates: Camel would print a LocalDate its own way). */
    public String query(String types) {
        return "symbols=" + symbolsParam() + "&types=" + types + "&start=" + start + "&end=" + end + "&limit=1000";
    }

    /** The {@code symbols} query value: comma-separated, each symbol URL-encoded. */
    public String symbolsParam() {
        return symbols.stream()
                .map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","));
    }
}
