package io.barfeed.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.fetch.BarsPage;
import io.barfeed.fetch.DailyQuotaSpent;
import io.barfeed.fetch.PageCursor;
import io.barfeed.fetch.RequestDeadlinePassed;
import io.barfeed.plan.PlannedRequest;
import io.barfeed.plan.SymbolRange;
import io.barfeed.run.Run;

/**
 * Rows for barfeed.failure: what was not stored, exactly (symbol, timeframe, the range of bar times), at which
 * stage, and why. Stages: {@code fetch} (a request that gave up), {@code timeout} (a request cut off by
 * barfeed.fetch.run-timeout), {@code store} (the database failed after its retries), {@code validate} (a bar the
 * API sent that cannot be stored), {@code refused} (a row the database refused for its data), {@code quota} (not
 * asked for: the provider's quota for the day was spent).
 */
@Component("failureRows")
public class FailureRows {

    private static final int MAX_MESSAGE = 1000;

    /** A request that gave up: one row for each of its symbols not completely stored, from where it stopped. */
    public List<Map<String, Object>> forFailedRequest(
            @Variable("cursor") PageCursor cursor,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable caught,
            @Variable("run") Run run,
            @Variable("deadline") Instant deadline) {
        Throwable cause = essential(caught);
        boolean timedOut = cause instanceof RequestDeadlinePassed
                || (deadline != null && !Instant.now().isBefore(deadline)); // cut off while reading its answer
        String stage = timedOut
                ? "timeout"
                : cause instanceof DataAccessException ? "store" : cause instanceof DailyQuotaSpent ? "quota" : "fetch";
        String message = describe(cause) + " (after " + cursor.pages() + " stored pages)";
        Integer status = cause instanceof HttpOperationFailedException http ? http.getStatusCode() : null;
        String timeframe = cursor.request().timeframe();
        cursor.request().group().failedOne();
        return cursor.unstored().stream()
                .map(range -> row(run, range, timeframe, stage, status, message))
                .toList();
    }

    /** Bars of a page that failed validation: never stored, one row each, at the bar's time when it has one. */
    public List<Map<String, Object>> forRejectedBars(
            @Variable("page") BarsPage page, @Variable("cursor") PageCursor cursor, @Variable("run") Run run) {
        String timeframe = cursor.request().timeframe();
        return page.rejected().stream()
                .map(bar -> {
                    Instant from = bar.t() != null ? bar.t() : cursor.request().start();
                    Instant to = bar.t() != null ? bar.t() : cursor.request().end();
                    return row(run, new SymbolRange(bar.symbol(), from, to), timeframe, "validate", null, bar.reason());
                })
                .toList();
    }

    /** A symbol's reference object that cannot be stored (stage validate) or that the database refused (refused). */
    public List<Map<String, Object>> forRecord(
            @Variable("request") PlannedRequest request,
            @Variable("run") Run run,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause,
            String stage) {
        return List.of(row(
                run,
                new SymbolRange(request.symbol(), request.start(), request.end()),
                request.timeframe(),
                stage,
                null,
                cause instanceof DataAccessException ? describe(cause) : cause.getMessage()));
    }

    /** A row the database refused even on its own (a value out of range, a constraint). */
    public List<Map<String, Object>> forRefusedRow(
            @Body BarRow bar, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause, @Variable("run") Run run) {
        Instant t = bar.ts().toInstant();
        return List.of(row(
                run,
                new SymbolRange(bar.symbol(), t, t),
                (String) bar.get("timeframe"),
                "refused",
                null,
                "bar at " + bar.ts() + " not stored: " + describe(cause)));
    }

    /**
     * The symbols of a request that completed whose open failure ranges it covered: they are now stored. A request
     * cut into several resolves them when its last part completed (none, before that or when a part failed).
     */
    public List<Map<String, Object>> resolvedBy(@Variable("request") PlannedRequest request, @Variable("run") Run run) {
        if (!request.group().completedOne()) {
            return List.of();
        }
        return request.openRangeSymbols().stream()
                .map(symbol -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("run_id", run.id());
                    row.put("symbol", symbol);
                    row.put("timeframe", request.timeframe());
                    row.put(
                            "range_from",
                            OffsetDateTime.ofInstant(request.group().start(), ZoneOffset.UTC));
                    row.put("range_to", OffsetDateTime.ofInstant(request.group().end(), ZoneOffset.UTC));
                    return row;
                })
                .toList();
    }

    /** A row of barfeed.failure for what another flow than a run's requests did not store (the live stream). */
    public static Map<String, Object> failure(
            Run run, SymbolRange range, String timeframe, String stage, String message) {
        return row(run, range, timeframe, stage, null, message);
    }

    private static Map<String, Object> row(
            Run run, SymbolRange range, String timeframe, String stage, Integer status, String message) {
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.id());
        row.put("symbol", range.symbol());
        row.put("timeframe", timeframe);
        row.put("stage", stage);
        row.put("http_status", status);
        row.put("message", message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
        row.put("range_from", OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
        row.put("range_to", OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
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
