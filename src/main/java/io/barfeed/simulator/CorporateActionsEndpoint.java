package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code GET /v1/corporate-actions}: the splits the market knows of, for the symbols and types asked, whose
 * process date lies between start and end (both dates), grouped by type as Alpaca groups them. One page.
 */
final class CorporateActionsEndpoint implements HttpHandler {

    private final JsonFactory json = new JsonFactory();

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            List<String> symbols;
            List<String> types;
            LocalDate start;
            LocalDate end;
            try {
                Map<String, String> params =
                        QueryParams.parse(http.getRequestURI().getRawQuery());
                symbols = Arrays.asList(params.getOrDefault("symbols", "").split(","));
                types = Arrays.asList(
                        params.getOrDefault("types", "forward_split").split(","));
                start = LocalDate.parse(
                        params.getOrDefault("start", LocalDate.now().toString()));
                end = LocalDate.parse(params.getOrDefault("end", LocalDate.now().toString()));
            } catch (RuntimeException e) {
                JsonReply.message(http, 400, e.getMessage() + " in " + http.getRequestURI());
                return;
            }
            byte[] body = render(symbols, types, start, end);
            http.getResponseHeaders().add("Content-Type", "application/json");
            JsonReply.send(http, 200, body);
        }
    }

    private byte[] render(List<String> symbols, List<String> types, LocalDate start, LocalDate end) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), body)) {
            g.writeStartObject();
            g.writeObjectPropertyStart("corporate_actions");
            if (types.contains("forward_split")) {
                g.writeArrayPropertyStart("forward_splits");
                for (Split split : Split.KNOWN) {
                    if (symbols.contains(split.symbol())
                            && !split.exDate().isBefore(start)
                            && !split.exDate().isAfter(end)) {
                        writeSplit(g, split);
                    }
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeNullProperty("next_page_token");
            g.writeEndObject();
        }
        return body.toByteArray();
    }

    private static void writeSplit(JsonGenerator g, Split split) throws IOException {
        g.writeStartObject();
        g.writeStringProperty("id", "sim-" + split.symbol() + "-" + split.exDate());
        g.writeStringProperty("symbol", split.symbol());
        g.writeNumberProperty("new_rate", split.newRate());
        g.writeNumberProperty("old_rate", split.oldRate());
        g.writeStringProperty("process_date", split.exDate().toString());
        g.writeStringProperty("ex_date", split.exDate().toString());
        g.writeStringProperty("record_date", split.exDate().minusDays(4).toString());
        g.writeStringProperty("payable_date", split.exDate().minusDays(3).toString());
        g.writeEndObject();
    }
}
