package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code GET /v2/stocks/bars} as Alpaca answers it: after the latency, the rate-limit headers (429 past the
 * quota), then the fault drawn for the request if any, else the page asked for (400 for a query Alpaca refuses).
 */
final class BarsEndpoint implements HttpHandler {

    private final Duration latency;
    private final QuotaWindow quota;
    private final Faults faults;
    private final BarsPages pages;
    private final KeptPages keptPages;
    private final AtomicLong refusedForQuota = new AtomicLong();

    BarsEndpoint(Duration latency, QuotaWindow quota, Faults faults, BarsPages pages, KeptPages keptPages) {
        this.latency = latency;
        this.quota = quota;
        this.faults = faults;
        this.pages = pages;
        this.keptPages = keptPages;
    }

    /** Requests refused with 429 because the quota of their window was used up. */
    long refusedForQuota() {
        return refusedForQuota.get();
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            sleep(latency);
            QuotaWindow.Taken taken = quota.take();
            Headers headers = http.getResponseHeaders();
            headers.add("X-RateLimit-Limit", Integer.toString(quota.limit()));
            headers.add("X-RateLimit-Remaining", Long.toString(Math.max(taken.remaining(), 0)));
            headers.add("X-RateLimit-Reset", Long.toString(taken.resetEpochSecond()));
            headers.add("Content-Type", "application/json");
            // Drawn for refused requests too, so a seed gives the same faults whatever the quota does.
            Faults.Kind fault = faults.next();
            if (taken.remaining() < 0) {
                refusedForQuota.incrementAndGet();
                JsonReply.message(http, 429, "too many requests.");
                return;
            }
            if (fault == Faults.Kind.RATE_LIMITED) {
                // An injected 429 looks like a quota used up until the next second.
                headers.set("X-RateLimit-Remaining", "0");
                headers.set("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 1));
                JsonReply.message(http, 429, "too many requests.");
                return;
            }
            if (fault == Faults.Kind.SERVER_ERROR) {
                JsonReply.message(http, 500, "internal server error");
                return;
            }
            if (fault == Faults.Kind.CONNECTION_RESET) {
                return; // closed without an answer
            }
            if (fault == Faults.Kind.SLOW) {
                sleep(faults.slowDelay());
            }
            servePage(http, fault);
        }
    }

    private void servePage(HttpExchange http, Faults.Kind fault) throws IOException {
        BarsQuery query;
        try {
            query = BarsQuery.parse(http.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            JsonReply.message(http, 400, e.getMessage());
            return;
        }
        byte[] kept = fault == null ? keptPages.page(query) : null;
        if (kept != null) {
            JsonReply.send(http, 200, kept);
            return;
        }
        http.sendResponseHeaders(200, 0);
        try (OutputStream out = http.getResponseBody()) {
            pages.write(query, fault == Faults.Kind.GARBAGE ? new CutShortStream(out) : out);
        } catch (IOException e) {
            // the client gave up (a slow answer past its timeout) or the page was cut short on purpose
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
