package io.barfeed.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.PageCursor;

/** Rows of {@code barfeed.failure} for a planned request that gave up, one per symbol. */
@Component("failureRows")
public class FailureRows {

    public List<Map<String, Object>> forRequest(@ExchangeProperty("cursor") PageCursor cursor,
                                                @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause,
                                                @ExchangeProperty("runId") long runId) {
        String message = describe(cause) + " (after " + cursor.pages() + " stored pages)";
        Integer status = cause instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
        return cursor.request().symbols().stream().map(s -> {
            Map<String, Object> row = new HashMap<>();
            row.put("run_id", runId);
            row.put("symbol", s.symbol());
            row.put("timeframe", cursor.request().timeframe());
            row.put("stage", "fetch");
            row.put("http_status", status);
            row.put("message", message);
            return row;
        }).toList();
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "unknown failure";
        }
        if (cause instanceof HttpOperationFailedException http) {
            String body = http.getResponseBody() == null ? "" : http.getResponseBody();
            return "HTTP " + http.getStatusCode() + " " + body.substring(0, Math.min(body.length(), 500));
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
