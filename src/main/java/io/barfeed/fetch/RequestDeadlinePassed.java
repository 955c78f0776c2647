package io.barfeed.fetch;

import java.io.InterruptedIOException;
import java.time.Instant;

/**
 * A request reached its timeframe's deadline (barfeed.fetch.run-timeout): it is not retried, and what it did not
 * store is recorded (stage timeout) for the next run. An I/O exception, so the HTTP client can throw it too.
 */
public class RequestDeadlinePassed extends InterruptedIOException {

    public RequestDeadlinePassed(Instant deadline) {
        super("request not finished within barfeed.fetch.run-timeout (deadline " + deadline + ")");
    }

    /** A request that would have to wait past its deadline, for the reason given. */
    protected RequestDeadlinePassed(Instant deadline, String reason) {
        super("request not finished within barfeed.fetch.run-timeout (deadline " + deadline + "): " + reason);
    }
}
