package io.barfeed.simulator;

import java.time.Duration;

/** A fixed quota window (a minute at Alpaca), as the X-RateLimit-* headers describe it. */
final class QuotaWindow {

    /** What one request left of its window: requests remaining (below zero past the quota) and its reset. */
    record Taken(long remaining, long resetEpochSecond) {}

    private final int limit;
    private final long millis;
    private long window;
    private long used;

    QuotaWindow(int limit, Duration length) {
        this.limit = limit;
        // X-RateLimit-Reset counts whole seconds, so no window is shorter than one.
        this.millis = Math.max(1000, length.toMillis());
    }

    /** Requests allowed per window. */
    int limit() {
        return limit;
    }

    /** Counts one request against the current window; the reset is the epoch second the next one starts. */
    synchronized Taken take() {
        long current = System.currentTimeMillis() / millis;
        if (current != window) {
            window = current;
            used = 0;
        }
        used++;
        return new Taken(limit - used, ((window + 1) * millis + 999) / 1000);
    }
}
