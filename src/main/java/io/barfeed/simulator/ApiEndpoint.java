package io.barfeed.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * An endpoint of bars as a remote API answers: after the latency, the quota (429 past it, with the rate-limit
 * headers where the provider sends them), then the fault drawn for the request if any, else the provider's page.
 */
final class ApiEndpoint implements HttpHandler {

    private final Duration latency;
    private final QuotaWindow quota;
    private final Faults faults;
    private final PageServer pages;
    private final AtomicLong refusedForQuota;

    /** {@code refusedForQuota} counts 429s for a used-up quota, shared by the simulator's endpoints. */
    ApiEndpoint(Duration latency, QuotaWindow quota, Faults faults, PageServer pages, AtomicLong refusedForQuota) {
        this.latency = latency;
        this.quota = quota;
        this.faults = faults;
        this.pages = pages;
        this.refusedForQuota = refusedForQuota;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            sleep(latency);
            QuotaWindow.Taken taken = quota.take();
            Headers headers = http.getResponseHeaders();
            if (pages.reportsQuota()) {
                headers.add("X-RateLimit-Limit", Integer.toString(quota.limit()));
                headers.add("X-RateLimit-Remaining", Long.toString(Math.max(taken.remaining(), 0)));
                headers.add("X-RateLimit-Reset", Long.toString(taken.resetEpochSecond()));
            }
            headers.add("Content-Type", "application/json");
            // Drawn for refused requests too, so a seed gives the same faults whatever the quota does.
            Faults.Kind fault = faults.next();
            if (taken.remaining() < 0) {
                refusedForQuota.incrementAndGet();
                pages.error(http, 429, "too many requests.");
                return;
            }
            if (fault == Faults.Kind.RATE_LIMITED) {
                if (pages.reportsQuota()) {
                    // An injected 429 looks like a quota used up until the next second.
                    headers.set("X-RateLimit-Remaining", "0");
                    headers.set("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 1));
                }
                pages.error(http, 429, "too many requests.");
                return;
            }
            if (fault == Faults.Kind.SERVER_ERROR) {
                pages.error(http, 500, "internal server error");
                return;
            }
            if (fault == Faults.Kind.CONNECTION_RESET) {
                return; // closed without an answer
            }
            if (fault == Faults.Kind.SLOW) {
                sleep(faults.slowDelay());
            }
            pages.page(http, fault == Faults.Kind.GARBAGE);
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
