package io.barfeed.run;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import io.barfeed.fetch.RunRefused;

/**
 * The run going on: its id, where its data comes from, what it has done so far, and whether it must stop. One
 * object per run, shared by every branch of its fan-out (the Camel variable {@code run}); the routes tell it what
 * happened, it decides nothing.
 */
public final class Run {

    private final long id;
    private final String provider;
    private final String baseUrl;
    private final Instant started;
    private final long startedNanos = System.nanoTime();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong plannedRequests = new AtomicLong();
    private final AtomicLong finishedRequests = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong bars = new AtomicLong();
    private volatile RunRefused refusal;

    Run(long id, String provider, String baseUrl, Instant started) {
        this.id = id;
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.started = started;
    }

    public long id() {
        return id;
    }

    public String provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Instant started() {
        return started;
    }

    /** An HTTP request to the provider is about to be sent. */
    public void requestSent() {
        requests.incrementAndGet();
    }

    /** HTTP requests sent to the provider so far, retries included. */
    public long requests() {
        return requests.get();
    }

    public void planned(int requestCount) {
        plannedRequests.addAndGet(requestCount);
    }

    public void requestFinished() {
        finishedRequests.incrementAndGet();
    }

    public void pageStored(int rows) {
        pages.incrementAndGet();
        bars.addAndGet(rows);
    }

    /** Bars stored so far. */
    public long bars() {
        return bars.get();
    }

    /** The provider refused the run (its keys, its plan): no new request starts; the first refusal is kept. */
    public synchronized void stop(RunRefused refusal) {
        if (this.refusal == null) {
            this.refusal = refusal;
        }
    }

    public boolean isStopping() {
        return refusal != null;
    }

    /** What stopped the run, or null. */
    public RunRefused refusal() {
        return refusal;
    }

    /** How long the run has been going on. */
    public long nanosRunning() {
        return System.nanoTime() - startedNanos;
    }

    /** Where the run stands, for the progress line. */
    public String progress() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return String.format(
                Locale.ROOT,
                "barfeed run %d progress: requests %d/%d finished (%d pages), bars %,d stored, %,.0f bars/s",
                id,
                finishedRequests.get(),
                plannedRequests.get(),
                pages.get(),
                bars.get(),
                seconds > 0 ? bars.get() / seconds : 0);
    }

    @Override
    public String toString() {
        return "run " + id; // Camel prints the objects it calls with: keep it short
    }
}
