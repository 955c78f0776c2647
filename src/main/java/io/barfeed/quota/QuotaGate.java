package io.barfeed.quota;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.Exchange;
import org.apache.camel.Headers;
import org.apache.camel.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.RequestDeadlinePassed;
import io.barfeed.provider.Provider;
import io.barfeed.provider.ProviderSettings.RateLimit;
import io.barfeed.provider.Providers;
import io.barfeed.settings.BarfeedProperties;

/**
 * Keeps every parallel request under each provider's quota as its rate-limit headers describe it (their names and
 * the reset's form are the provider's barfeed.NAME.rate-limit.* settings, X-RateLimit-* by default): each request
 * takes one of the remaining requests of the window, and when none is left (or the API refused one) requests wait
 * until the reset, plus a little jitter, capped. A fixed ceiling per minute is the provider's route's (a throttle or
 * the pacer); this gate follows the quota the provider actually reports. Headers are read case-insensitively
 * (HTTP/2 sends them in lower case). The exchange variable {@code provider} names the provider (none: the bars').
 */
@Component("quotaGate")
public class QuotaGate {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.fetch");
    /** The exchange variable naming the provider whose quota a request the gate let through took. */
    private static final String IN_FLIGHT = "quotaTaken";

    private static final long UNKNOWN = Long.MAX_VALUE;

    private final Clock clock;
    private final long maxWaitMillis;
    private final long jitterMillis;
    private final long pollMillis;
    private final String barsProvider;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    public QuotaGate(Clock clock, BarfeedProperties settings, Providers providers) {
        this(
                clock,
                settings.fetch().rateLimitMaxWait(),
                settings.fetch().rateLimitJitter(),
                settings.fetch().rateLimitPoll(),
                providers.bars().name(),
                providers.all());
    }

    /** One provider with the default rate-limit settings, looking again every 50 ms while its reset is unknown. */
    QuotaGate(Clock clock, Duration maxWait, Duration jitter) {
        this(clock, maxWait, jitter, Duration.ofMillis(50));
    }

    /** One provider with the default rate-limit settings (barfeed.NAME.rate-limit.*: X-RateLimit-* headers). */
    QuotaGate(Clock clock, Duration maxWait, Duration jitter, Duration poll) {
        this(clock, maxWait, jitter, poll, "", List.of());
        windows.put("", new Window(new Binder().bindOrCreate("rate-limit", RateLimit.class)));
    }

    private QuotaGate(
            Clock clock,
            Duration maxWait,
            Duration jitter,
            Duration poll,
            String barsProvider,
            Iterable<Provider> providers) {
        this.clock = clock;
        this.maxWaitMillis = maxWait.toMillis();
        this.jitterMillis = Math.max(1, jitter.toMillis());
        this.pollMillis = Math.max(1, poll.toMillis());
        this.barsProvider = barsProvider;
        for (Provider provider : providers) {
            windows.put(provider.name(), new Window(provider.rateLimit()));
        }
    }

    /**
     * Blocks until the quota allows one more request, then takes it.
     *
     * @param deadline the request's deadline; a wait past it throws {@link RequestDeadlinePassed} (null: none)
     */
    public void acquire(@Variable("deadline") Instant deadline, Exchange exchange)
            throws InterruptedException, RequestDeadlinePassed {
        String provider = providerOf(exchange);
        windowOf(provider).acquire(deadline);
        exchange.setVariable(IN_FLIGHT, provider);
    }

    /**
     * The request let through by {@link #acquire} came back with these headers (none for a request that got no
     * answer); {@code refused} when the API refused it for its quota (a 429, or a quota message in a 200 page).
     *
     * @return for a refused request, how long to wait before trying again, in milliseconds
     */
    public long answered(Exchange exchange, Map<String, ?> headers, boolean refused) {
        Object taken = exchange.removeVariable(IN_FLIGHT);
        String provider = taken != null ? taken.toString() : providerOf(exchange);
        return windowOf(provider).answered(headers, refused, taken != null);
    }

    /** For the fetch route: the headers of a response that came back. */
    public void responded(@Headers Map<String, Object> headers, Exchange exchange) {
        answered(exchange, headers, false);
    }

    private String providerOf(Exchange exchange) {
        Object provider = exchange.getVariable("provider");
        return provider == null ? barsProvider : provider.toString();
    }

    private Window windowOf(String provider) {
        Window window = windows.get(provider);
        if (window == null) {
            throw new IllegalStateException("no quota gate for the provider " + provider);
        }
        return window;
    }

    /** One provider's quota window, as far as its answers tell. */
    private final class Window {
        private final RateLimit headers;
        private long resetAtMillis;
        private long available = UNKNOWN;
        private long limit = UNKNOWN;
        // Requests let through whose answer has not come back: the quota a response reports may not count them yet.
        private long inFlight;

        Window(RateLimit headers) {
            this.headers = headers;
        }

        synchronized void acquire(Instant deadline) throws InterruptedException, RequestDeadlinePassed {
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
                    return;
                }
                // The window's reset is unknown until the first answers of the window name it: look again after a poll.
                boolean resetKnown = resetAtMillis != Long.MAX_VALUE;
                long wait = resetKnown ? jittered(resetAtMillis - now) : pollMillis;
                if (deadline != null && now + wait >= deadline.toEpochMilli()) {
                    throw new QuotaPastDeadline(deadline, wait, resetKnown);
                }
                if (wait > pollMillis) {
                    LOG.info("API quota used up: waiting {} ms for {}", wait, headers.resetHeader());
                }
                wait(Math.max(wait, 1)); // a response that names the reset wakes it early
            }
        }

        synchronized long answered(Map<String, ?> response, boolean refused, boolean wasInFlight) {
            Long remaining = number(response, headers.remainingHeader());
            Long quota = number(response, headers.limitHeader());
            long now = clock.millis();
            Long reset = resetMillis(number(response, headers.resetHeader()), now);
            if (wasInFlight) {
                inFlight--;
            }
            if (quota != null) {
                limit = quota;
            }
            if (refused) {
                // A refusal closes the gate until the reset it names, else until the window's known reset (Alpaca's
                // 429 names none), else for the provider's retry-after.
                long until = reset != null
                        ? reset
                        : resetAtMillis > now && resetAtMillis != Long.MAX_VALUE
                                ? resetAtMillis
                                : now + headers.retryAfter().toMillis();
                resetAtMillis = Math.max(until, now + 1);
                available = 0;
                notifyAll();
                return jittered(until - now);
            }
            long resetAt = reset != null ? reset : 0;
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

        synchronized long inFlight() {
            return inFlight;
        }

        /** The reset header as epoch milliseconds. */
        private Long resetMillis(Long value, long now) {
            if (value == null) {
                return null;
            }
            return switch (headers.reset()) {
                case EPOCH_SECONDS -> value * 1000;
                case EPOCH_MILLIS -> value;
                case SECONDS -> now + value * 1000;
            };
        }
    }

    /** Requests let through that have not been heard back of: 0 between runs, or a slot was never given back. */
    public long inFlight() {
        return windows.values().stream().mapToLong(Window::inFlight).sum();
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
