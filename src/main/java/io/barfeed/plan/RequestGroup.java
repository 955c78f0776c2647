package io.barfeed.plan;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests one planned span was cut into (barfeed.NAME.request.*): the open failures the span covers are
 * resolved once every one of them stored all its pages, never by one alone (a failure may straddle two of them).
 */
public final class RequestGroup {

    private final Instant start;
    private final Instant end;
    private final AtomicInteger left;
    private volatile boolean failed;

    RequestGroup(Instant start, Instant end, int requests) {
        this.start = start;
        this.end = end;
        this.left = new AtomicInteger(requests);
    }

    /** A group of one request. */
    public static RequestGroup of(Instant start, Instant end) {
        return new RequestGroup(start, end, 1);
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    /** One request of the group stored all its pages: whether it was the last, and none failed. */
    public boolean completedOne() {
        return left.decrementAndGet() == 0 && !failed;
    }

    /** One request of the group gave up: the group never completes. */
    public void failedOne() {
        failed = true;
    }

    @Override
    public String toString() {
        return "RequestGroup[" + start + ".." + end + "]";
    }
}
