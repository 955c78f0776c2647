package io.barfeed.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * Keeps every parallel request under the provider's quota as its X-RateLimit-* headers describe it: each request
 * takes one of the remaining requests of the window, and when none is left (or the API answered 429) requests wait
 * until X-RateLimit-Reset, plus a little jitter, capped. The fixed ceiling barfeed.alpaca.requests-per-minute is the
 * route's throttle; this gate follows the quota the provider actually reports. Headers are read case-insensitively
 * (HTTP/2 sends them in lower case).
 */
@Component("quotaGate")
public class QuotaGate {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.fetch");
    /** The exchange variable marking a request the gate let through and has not heard back of. */
    private static final String IN_FLIGHT = "quotaTaken";

    private static final long UNKNOWN = Long.MAX_VALUE;
    /** A 429 that names no reset: wait this long before the next try. */
    private static final long RESET_UNKNOWN_MILLIS = 1000;

    private final Clock clock;
    private final long maxWaitMillis;
    private final long jitterMillis;
    private long resetAtMillis;
    private long available = UNKNOWN;
    private long limit = UNKNOWN;
    // Requests let through whose answer has not come back: the quota a response reports may not count them yet.
    private long inFlight;

    @Autowired
    public QuotaGate(Clock clock, BarfeedProperties settings) {
        this(clock, settings.fetch().rateLimitMaxWait(), settings.fetch().rateLimitJitter());
    }

    QuotaGate(Clock clock, Duration maxWait, Duration jitter) {
        this.clock = clock;
        this.maxWaitMillis = maxWait.toMillis();
        this.jitterMillis = Math.max(1, jitter.toMillis());
    }

    /**
     * Blocks until the quota allows one more request, then takes it.
     *
     * @param deadline the request's deadline; a wait past it throws {@link RequestDeadlinePassed} (null: none)
     */
    public void acquire(@Variable("deadline") Instant deadline, Exchange exchange)
            throws InterruptedException, RequestDeadlinePassed {
        synchronized (this) {
            while (true) {
                long now = clock.millis();
                if (now >= resetAtMillis) {
                    available = limit; // a new window: its full quota, as far as we know it
                    resetAtMillis = Long.MAX_VALUE; // until a response names the window's reset
                }
                if (available > 0) {
                    if (available != UNKNOWN) {
                        available--;
                    }
                    inFlight++;
                    exchange.setVariable(IN_FLIGHT, true);
                    return;
                }
                // The window's reset is unknown until the first answers of the window name it.
                long wait = resetAtMillis == Long.MAX_VALUE ? 50 : waitForReset(now);
                if (deadline != null && now + wait >= deadline.toEpochMilli()) {
                    throw new RequestDeadlinePassed(deadline);
                }
                if (wait > 50) {
                    LOG.info("API quota used up: waiting {} ms for X-RateLimit-Reset", wait);
                }
                wait(Math.max(wait, 1)); // a response that names the reset wakes it early
            }
        }
    }

    /**
     * The request let through by {@link #acquire} came back with these rate-limit headers (none for a request that
     * got no answer); {@code refused} when the API answered 429.
     *
     * @return for a refused request, how long to wait before trying again, in milliseconds
     */
    public long answered(Exchange exchange, Map<String, ?> headers, boolean refused) {
        Long remaining = number(headers, "X-RateLimit-Remaining");
        Long reset = number(headers, "X-RateLimit-Reset");
        Long quota = number(headers, "X-RateLimit-Limit");
        synchronized (this) {
            if (exchange.removeVariable(IN_FLIGHT) != null) {
                inFlight--;
            }
            long now = clock.millis();
            if (quota != null) {
                limit = quota;
            }
            if (refused) {
                // A 429 closes the gate until the reset it names, else until the window's known reset (Alpaca's
                // 429 names none), else for a second.
                long until = reset != null
                        ? reset * 1000
                        : resetAtMillis > now && resetAtMillis != Long.MAX_VALUE
                                ? resetAtMillis
                                : now + RESET_UNKNOWN_MILLIS;
                resetAtMillis = Math.max(until, now + 1);
                available = 0;
                notifyAll();
                return jittered(until - now);
            }
            long resetAt = reset != null ? reset * 1000 : 0;
            if (resetAt > now) {
                // The others in flight may not be counted in the remaining quota yet: count them out.
                long left = remaining == null ? UNKNOWN : Math.max(0, remaining - inFlight);
                if (resetAtMillis == Long.MAX_VALUE || resetAt > resetAtMillis) {
                    resetAtMillis = resetAt;
                    available = left;
                } else if (resetAt == resetAtMillis) {
                    available = Math.min(available, left);
                }
                notifyAll();
            }
            return 0;
        }
    }

    /** Requests let through that have not been heard back of: 0 between runs, or a slot was never given back. */
    public synchronized long inFlight() {
        return inFlight;
    }

    /** For the fetch route: the headers of a response that came back. */
    public void responded(@Headers Map<String, Object> headers, Exchange exchange) {
        answered(exchange, headers, false);
    }

    /** Until the window's known reset. */
    private long waitForReset(long now) {
        return jittered(resetAtMillis - now);
    }

    /** A wait plus jitter, so parallel requests do not all go at once; never past the longest wait. */
    private long jittered(long wait) {
        return Math.min(Math.max(0, wait) + ThreadLocalRandom.current().nextLong(jitterMillis), maxWaitMillis);
    }

    private static Long number(Map<String, ?> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, ?> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                try {
                    return Long.parseLong(header.getValue().toString().trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
