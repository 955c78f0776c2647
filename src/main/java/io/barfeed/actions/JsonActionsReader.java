package io.barfeed.actions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Variable;

import io.barfeed.run.Run;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a page of a corporate-actions API into rows of the ledger barfeed.corporate_action, told by a provider's
 * route file where the actions are and what their fields are called. The actions field holds either one array,
 * each action naming its type, or (Alpaca's form) an object of arrays keyed by type in the plural:
 * {@code forward_splits} holds actions of type {@code forward_split}. The ledger's types are barfeed's
 * ({@code forward_split}, {@code reverse_split}, {@code cash_dividend}, {@code spin_off}...). A page is small: it
 * is read as a tree. An action without an id, a symbol or an ex-date is a malformed page: the request fails and
 * is asked again.
 */
public class JsonActionsReader {

    private final ObjectMapper json = new ObjectMapper();

    private String actions = "corporate_actions";
    private String type;
    private String next = "next_page_token";
    private String id = "id";
    private String symbol = "symbol";
    private String exDate = "ex_date";
    private String processDate = "process_date";
    private String oldRate = "old_rate";
    private String newRate = "new_rate";
    private String rate = "rate";

    /** The page's field holding the actions. */
    public void setActions(String actions) {
        this.actions = actions;
    }

    /** The action's field naming its type; none (the default): the actions are grouped by type. */
    public void setType(String type) {
        this.type = type == null || type.isBlank() ? null : type;
    }

    /** The page's field holding the next page's token; null, "" or absent: the last page. */
    public void setNext(String next) {
        this.next = next;
    }

    public void setId(String id) {
        this.id = id;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public void setExDate(String exDate) {
        this.exDate = exDate;
    }

    public void setProcessDate(String processDate) {
        this.processDate = processDate;
    }

    /** Of a split: the old shares (1 for 4 new). */
    public void setOldRate(String oldRate) {
        this.oldRate = oldRate;
    }

    /** Of a split: the new shares (4 for 1 old). */
    public void setNewRate(String newRate) {
        this.newRate = newRate;
    }

    /** Of a dividend: the amount a share. */
    public void setRate(String rate) {
        this.rate = rate;
    }

    public ActionsPage read(InputStream body, @Variable("run") Run run) throws IOException {
        JsonNode page;
        try (InputStream in = body) {
            page = json.readTree(in);
        }
        if (page == null || !page.isObject()) {
            throw new IOException("malformed corporate actions page: not a JSON object");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        JsonNode found = page.path(actions);
        if (type != null) {
            for (JsonNode action : found) {
                rows.add(row(run, text(action, type, "the type"), action));
            }
        } else {
            for (Map.Entry<String, JsonNode> group : found.properties()) {
                String plural = group.getKey();
                String singular = plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
                for (JsonNode action : group.getValue()) {
                    rows.add(row(run, singular, action));
                }
            }
        }
        JsonNode token = page.path(next);
        return new ActionsPage(rows, token.isString() && !token.asString().isEmpty() ? token.asString() : null);
    }

    private Map<String, Object> row(Run run, String type, JsonNode action) throws IOException {
        Map<String, Object> row = new HashMap<>();
        row.put("provider", run.provider());
        row.put("id", text(action, id, type));
        row.put("type", type);
        row.put("symbol", text(action, symbol, type));
        row.put("ex_date", date(action, exDate, type));
        row.put("process_date", action.path(processDate).isString() ? date(action, processDate, type) : null);
        row.put("old_rate", decimal(action, oldRate));
        row.put("new_rate", decimal(action, newRate));
        row.put("rate", decimal(action, rate));
        row.put("payload", action.toString());
        row.put("first_seen_run", run.id());
        return row;
    }

    private static String text(JsonNode action, String field, String what) throws IOException {
        JsonNode value = action.path(field);
        if (!value.isString() && !value.isNumber()) {
            throw new IOException("malformed corporate action (" + what + "): no " + field + " in " + action);
        }
        return value.asString();
    }

    private static LocalDate date(JsonNode action, String field, String type) throws IOException {
        try {
            return LocalDate.parse(text(action, field, type));
        } catch (DateTimeParseException e) {
            throw new IOException(
                    "malformed corporate action (" + type + "): " + field + " is not a date in " + action);
        }
    }

    private static BigDecimal decimal(JsonNode action, String field) {
        JsonNode value = action.path(field);
        return value.isNumber() ? value.decimalValue() : value.isString() ? new BigDecimal(value.asString()) : null;
    }

    @Override
    public String toString() {
        return "JsonActionsReader[actions=" + actions + ", next=" + next + "]";
    }
}
