package io.barfeed.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.barfeed.quota.QuotaGate;
import io.barfeed.settings.BarfeedProperties;

/**
 * Runs when an attempt at a page failed and the error handler may try again (the route configuration's
 * onExceptionOccurred): decides how long to wait, says so in one line, or gives the request up. A 429 waits for
 * the quota's reset, a database failure and any other failure back off exponentially up to their cap
 * (barfeed.fetch.max-retry-delay, barfeed.store.max-retry-delay); no retry starts past the
 * request's deadline. The route configuration says how many retries each kind gets.
 */
@Component("retryDelay")
public class RetryDelay implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.fetch");

    private final Clock clock;
    private final QuotaGate quotaGate;
    private final RequestMetrics requestMetrics;
    private final long retryDelayMs;
    private final long maxRetryDelayMs;
    private final long storeRetryDelayMs;
    private final long storeMaxRetryDelayMs;

    @Autowired
    public RetryDelay(Clock clock, QuotaGate quotaGate, RequestMetrics requestMetrics, BarfeedProperties settings) {
        this(
                clock,
                quotaGate,
                requestMetrics,
                settings.fetch().retryDelay(),
                settings.fetch().maxRetryDelay(),
                settings.store().retryDelay(),
                settings.store().maxRetryDelay());
    }

    RetryDelay(
            Clock clock,
            QuotaGate quotaGate,
            RequestMetrics requestMetrics,
            Duration retryDelay,
            Duration maxRetryDelay,
            Duration storeRetryDelay,
            Duration storeMaxRetryDelay) {
        this.clock = clock;
        this.quotaGate = quotaGate;
        this.requestMetrics = requestMetrics;
        this.retryDelayMs = retryDelay.toMillis();
        this.maxRetryDelayMs = maxRetryDelay.toMillis();
        this.storeRetryDelayMs = storeRetryDelay.toMillis();
        this.storeMaxRetryDelayMs = storeMaxRetryDelay.toMillis();
    }

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getException();
        requestMetrics.failed(exchange); // a no-op when the failure was not the request's
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        long wait = waitAfter(exchange, failure, attempt); // the quota gate hears of a failed request, retried or not
        Integer retries = exchange.getIn().getHeader(Exchange.REDELIVERY_MAX_COUNTER, Integer.class);
        if (retries == null || attempt > retries) {
            return; // no retry is coming: the dead letter route records the failure
        }
        Instant deadline = exchange.getVariable("deadline", Instant.class);
        if (deadline != null && clock.millis() + wait >= deadline.toEpochMilli()) {
            exchange.getExchangeExtension().setRedeliveryExhausted(true);
            return;
        }
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait);
        PageCursor cursor = exchange.getVariable("cursor", PageCursor.class);
        LOG.warn(String.format(
                Locale.ROOT,
                "%s %s: retry %d of %d in %s",
                cursor == null ? "request" : "page " + (cursor.pages() + 1) + " of " + describe(cursor),
                reason(failure),
                attempt,
                retries,
                wait < 1000 ? wait + " ms" : String.format(Locale.ROOT, "%.1f s", wait / 1000.0)));
    }

    /** How long to wait before retry number {@code attempt} after {@code failure}, in milliseconds. */
    long waitAfter(Exchange exchange, Throwable failure, int attempt) {
        HttpOperationFailedException http = failure instanceof HttpOperationFailedException e ? e : null;
        // A 429, or a quota message in a page the provider answered with 200.
        boolean refused = http != null && http.getStatusCode() == 429 || failure instanceof RateLimited;
        long quotaWait = quotaGate.answered(exchange, http == null ? Map.of() : http.getResponseHeaders(), refused);
        if (refused) {
            return quotaWait;
        }
        if (failure instanceof DataAccessException) {
            return backoff(storeRetryDelayMs, attempt, storeMaxRetryDelayMs);
        }
        return backoff(retryDelayMs, attempt, maxRetryDelayMs);
    }

    /** {@code first} doubled for each attempt after the first, never more than {@code max}. */
    static long backoff(long first, int attempt, long max) {
        // Doubled at most 20 times, so the shift cannot overflow; the cap is the setting's.
        return Math.min(first << Math.min(Math.max(attempt - 1, 0), 20), max);
    }

    private static String describe(PageCursor cursor) {
        int symbols = cursor.request().symbols().size();
        return "the request for " + symbols + (symbols == 1 ? " symbol" : " symbols") + " ("
                + cursor.request().timeframe() + ")";
    }

    private static String reason(Throwable failure) {
        if (failure instanceof HttpOperationFailedException http) {
            return http.getStatusCode() == 429 ? "refused (429)" : "failed (HTTP " + http.getStatusCode() + ")";
        }
        if (failure instanceof RateLimited limited) {
            return "refused for the quota (" + limited.getMessage() + ")";
        }
        if (failure instanceof DataAccessException data) {
            return "not stored (" + data.getClass().getSimpleName() + ")";
        }
        String message = failure.getMessage() == null
                ? ""
                : failure.getMessage().lines().findFirst().orElse("");
        return "failed (" + failure.getClass().getSimpleName() + ": "
                + (message.length() > 120 ? message.substring(0, 120) + "..." : message) + ")";
    }
}
