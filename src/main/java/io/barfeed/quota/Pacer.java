package io.barfeed.quota;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.RequestDeadlinePassed;

/**
 * Spaces a provider's requests evenly at its rate, across all parallel requests: Massive's free plan allows 5 a
 * minute and sends no rate-limit headers to follow, so each request waits for its slot, 12 s after the last. A
 * provider whose quota for the day is spent gives no slots: its requests fail at once instead of waiting in line.
 */
@Component("pacer")
public class Pacer {

    private final Clock clock;
    private final DailyQuotas dailyQuotas;
    private final Map<String, Long> nextSlot = new HashMap<>();

    public Pacer(Clock clock, DailyQuotas dailyQuotas) {
        this.clock = clock;
        this.dailyQuotas = dailyQuotas;
    }

    /**
     * Waits for the next of {@code provider}'s slots at {@code requestsPerMinute}, and takes it.
     *
     * @param deadline the request's deadline: a slot past it throws {@link RequestDeadlinePassed} (null: none)
     */
    public void await(String provider, int requestsPerMinute, @Variable("deadline") Instant deadline)
            throws InterruptedException, RequestDeadlinePassed {
        dailyQuotas.check(provider);
        long spacing = 60_000L / Math.max(1, requestsPerMinute);
        long slot;
        synchronized (nextSlot) {
            long now = clock.millis();
            slot = Math.max(now, nextSlot.getOrDefault(provider, now));
            if (deadline != null && slot >= deadline.toEpochMilli()) {
                throw new RequestDeadlinePassed(deadline);
            }
            nextSlot.put(provider, slot + spacing);
        }
        long wait = slot - clock.millis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
