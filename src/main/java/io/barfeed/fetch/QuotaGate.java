package io.barfeed.fetch;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.barfeed.settings.BarfeedProperties;

/**
 * Keeps every parallel request under the provider's quota as its X-RateLimit-* headers describe it:
 * each request takes one of the remaining requests of the window, and when none is left (or the API
 * answered 429) requests wait until X-RateLimit-Reset, plus a little jitter, capped. The fixed
 * ceiling {@code barfeed.fetch.requests-per-minute} is the route's throttle; this gate follows the
 * quota the provider actually reports.
 */
@Component("quotaGate")
public class QuotaGate {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaGate.class);
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final Clock clock;
    private final long maxWaitMillis;
    private final long jitterMillis;
    private long resetAtMillis;
    private long available = UNKNOWN;
    private long limit = UNKNOWN;

    @Autowired
    public QuotaGate(Clock clock, BarfeedProperties settings) {
        this(clock, settings.fetch().rateLimitMaxWait(), settings.fetch().rateLimitJitter());
    }

    QuotaGate(Clock clock, Duration maxWait, Duration jitter) {
        this.clock = clock;
        this.maxWaitMillis = maxWait.toMillis();
        this.jitterMillis = Math.max(1, jitter.toMillis());
    }

    /** Blocks until the quota allows one more request, then takes it. */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.millis();
                if (now >= resetAtMillis) {
                    available = limit; // a new window: its full quota, as far as we know it
                    resetAtMillis = Long.MAX_VALUE; // until a response names the window's reset
                }
                if (available > 0) {
                    if (available != UNKNOWN) {
                        available--;
                    }
                    return;
                }
                if (resetAtMillis == Long.MAX_VALUE) {
                    wait = -1; // the window's reset is not known yet: the first answers of the window will say
                } else {
                    wait = Math.min(
                            resetAtMillis - now + ThreadLocalRandom.current().nextLong(jitterMillis), maxWaitMillis);
                }
            }
            if (wait < 0) {
                Thread.sleep(20);
                continue;
            }
            LOG.info("API quota used up: waiting {} ms for X-RateLimit-Reset", wait);
            Thread.sleep(Math.max(wait, 1));
        }
    }

    /** Reads a response's rate-limit headers; {@code refused} when the API answered 429. */
    public void observe(Map<String, ?> headers, boolean refused) {
        Long remaining = number(headers, "X-RateLimit-Remaining");
        Long reset = number(headers, "X-RateLimit-Reset");
        Long quota = number(headers, "X-RateLimit-Limit");
        synchronized (this) {
            long now = clock.millis();
            if (quota != null) {
                limit = quota;
            }
            long resetAt = reset != null ? reset * 1000 : refused ? now + 1000 : 0;
            if (resetAt <= now && !refused) {
                return;
            }
            long left = refused ? 0 : remaining == null ? UNKNOWN : remaining;
            if (resetAtMillis == Long.MAX_VALUE || resetAt > resetAtMillis) {
                resetAtMillis = Math.max(resetAt, now + 1);
                available = left;
            } else if (resetAt == resetAtMillis) {
                available = Math.min(available, left);
            }
        }
    }

    /** For the call route: the headers of a response that came back. */
    public void responded(@Headers Map<String, Object> headers) {
        observe(headers, false);
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
