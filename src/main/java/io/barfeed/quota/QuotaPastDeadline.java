package io.barfeed.quota;

import java.time.Instant;

import io.barfeed.fetch.RequestDeadlinePassed;

/** The API's quota would keep a request waiting past its deadline: the request gives up at once instead. */
public class QuotaPastDeadline extends RequestDeadlinePassed {

    private final long waitMillis;

    public QuotaPastDeadline(Instant deadline, long waitMillis, boolean resetKnown) {
        super(
                deadline,
                resetKnown
                        ? "the API quota is used up for the next " + waitMillis + " ms"
                        : "the API quota is used up and no answer has named its reset yet");
        this.waitMillis = waitMillis;
    }

    /** How long the request would have waited for the quota (a poll's length while the reset is unknown). */
    public long waitMillis() {
        return waitMillis;
    }
}
