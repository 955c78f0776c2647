package io.barfeed.actions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.barfeed.run.Run;

/**
 * Reads a page of Alpaca's {@code GET /v1/corporate-actions}: actions grouped by type ({@code forward_splits},
 * {@code cash_dividends}...), each with its symbol, dates and rates. A page is small; it is read as a tree. An
 * action without an id, a symbol or an ex-date is a malformed page: the request fails and is asked again.
 */
@Component("actionsPageReader")
public class ActionsPageReader {

    private final ObjectMapper json = new ObjectMapper();

    public ActionsPage read(InputStream body, @Variable("run") Run run) throws IOException {
        JsonNode page;
        try (InputStream in = body) {
            page = json.readTree(in);
        }
        if (page == null || !page.isObject()) {
            throw new IOException("malformed corporate actions page: not a JSON object");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonNode groups = page.path("corporate_actions");
        for (Iterator<Map.Entry<String, JsonNode>> it = groups.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> group = it.next();
            String type = group.getKey().endsWith("s")
                    ? group.getKey().substring(0, group.getKey().length() - 1)
                    : group.getKey();
            for (JsonNode action : group.getValue()) {
                rows.add(row(run, run.provider(), type, action));
            }
        }
        JsonNode token = page.path("next_page_token");
        return new ActionsPage(rows, token.isTextual() && !token.asText().isEmpty() ? token.asText() : null);
    }

    private static Map<String, Object> row(Run run, String provider, String type, JsonNode action) throws IOException {
        for (String required : List.of("id", "symbol", "ex_date")) {
            if (!action.path(required).isTextual()) {
                throw new IOException("malformed corporate action (" + type + "): no " + required + " in " + action);
            }
        }
        Map<String, Object> row = new HashMap<>();
        row.put("provider", provider);
        row.put("id", action.get("id").asText());
        row.put("type", type);
        row.put("symbol", action.get("symbol").asText());
        row.put("ex_date", LocalDate.parse(action.get("ex_date").asText()));
        row.put(
                "process_date",
                action.path("process_date").isTextual()
                        ? LocalDate.parse(action.get("process_date").asText())
                        : null);
        row.put("old_rate", decimal(action, "old_rate"));
        row.put("new_rate", decimal(action, "new_rate"));
        row.put("rate", decimal(action, "rate"));
        row.put("payload", action.toString());
        row.put("first_seen_run", run.id());
        return row;
    }

    private static BigDecimal decimal(JsonNode action, String field) {
        JsonNode value = action.path(field);
        return value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.asText()) : null;
    }
}
