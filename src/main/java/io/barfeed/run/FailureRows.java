package io.barfeed.run;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarsPage;
import io.barfeed.fetch.PageCursor;

/**
 * Rows of {@code barfeed.failure}: what failed (a planned request, a bar the API sent, a row the
 * database refused), at which stage, and why. A run's failed symbols are read back from these rows.
 */
@Component("failureRows")
public class FailureRows {

    private static final int MAX_MESSAGE = 1000;

    /** A planned request that gave up: one row per symbol, stage fetch or store. */
    public List<Map<String, Object>> forRequest(
            @ExchangeProperty("cursor") PageCursor cursor,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught,
            @ExchangeProperty("runId") long runId) {
        Throwable cause = essential(caught);
        String stage = cause instanceof DataAccessException ? "store" : "fetch";
        String message = describe(cause) + " (after " + cursor.pages() + " stored pages)";
        Integer status = cause instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
        return cursor.request().symbols().stream()
                .map(s -> row(runId, s.symbol(), cursor.request().timeframe(), stage, status, message))
                .toList();
    }

    /** Bars of a page that failed validation: never stored, one row each. */
    public List<Map<String, Object>> forRejectedBars(
            @ExchangeProperty("page") BarsPage page,
            @ExchangeProperty("cursor") PageCursor cursor,
            @ExchangeProperty("runId") long runId) {
        return page.rejected().stream()
                .map(r -> row(runId, r.symbol(), cursor.request().timeframe(), "validate", null, r.reason()))
                .toList();
    }

    /** Symbols whose request was still running when barfeed.fetch.run-timeout-ms ran out: stage timeout. */
    public List<Map<String, Object>> forUnfinished(RunTotals totals, long runId, long timeoutMs) {
        String message = "request not finished within barfeed.fetch.run-timeout-ms (" + timeoutMs
                + " ms); the next run fetches it again";
        return totals.unfinished().stream()
                .sorted(Comparator.comparing(SymbolFrame::symbol))
                .map(f -> row(runId, f.symbol(), f.timeframe(), "timeout", null, message))
                .toList();
    }

    /** A row the database refused even on its own (a data or constraint error). */
    public List<Map<String, Object>> forRow(
            @Body Map<String, Object> bar,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause,
            @ExchangeProperty("runId") long runId) {
        return List.of(row(
                runId,
                (String) bar.get("symbol"),
                (String) bar.get("timeframe"),
                "store",
                null,
                "bar at " + bar.get("ts") + " not stored: " + describe(cause)));
    }

    private static Map<String, Object> row(
            long runId, String symbol, String timeframe, String stage, Integer status, String message) {
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", runId);
        row.put("symbol", symbol);
        row.put("timeframe", timeframe);
        row.put("stage", stage);
        row.put("http_status", status);
        row.put("message", message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        return row;
    }

    /** The failure itself, without the wrappers a split or multicast puts around it. */
    static Throwable essential(Throwable caught) {
        Throwable cause = caught;
        while (cause instanceof CamelExchangeException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String describe(Throwable caught) {
        Throwable cause = essential(caught);
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof HttpOperationFailedException http) {
            String body = http.getResponseBody() == null ? "" : http.getResponseBody();
            return "HTTP " + http.getStatusCode() + " " + body.substring(0, Math.min(body.length(), 300));
        }
        if (cause instanceof DataAccessException data && data.getMostSpecificCause() != null) {
            return cause.getClass().getSimpleName() + ": "
                    + data.getMostSpecificCause().getMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
