package io.barfeed.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.barfeed.HandClock;
import io.barfeed.fetch.RequestDeadlinePassed;

/**
 * barfeed.fetch.rate-limit-poll: a request waiting for the quota while no answer has named the new window's reset
 * looks again after this long, so a deadline nearer than one poll gives it up at once.
 */
class QuotaGatePollTest {

    final HandClock clock = new HandClock(Instant.parse("2024-05-10T20:00:00Z"));
    final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void theDefaultPollOf50MillisecondsGivesUpADeadline30MillisecondsAway() throws Exception {
        QuotaGate gate = new QuotaGate(clock, Duration.ofMinutes(1), Duration.ZERO);
        useUpAWindowWhoseResetIsUnknown(gate);

        assertThatThrownBy(() -> gate.acquire(clock.instant().plusMillis(30), exchange()))
                .isInstanceOf(RequestDeadlinePassed.class);
    }

    @Test
    void aShorterPollWaitsForADeadline30MillisecondsAway() throws Exception {
        QuotaGate gate = new QuotaGate(clock, Duration.ofMinutes(1), Duration.ZERO, Duration.ofMillis(10));
        useUpAWindowWhoseResetIsUnknown(gate);
        Instant deadline = clock.instant().plusMillis(30);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                gate.acquire(deadline, exchange());
            } catch (Throwable e) {
                failure.set(e);
            }
        });

        waiting.start();
        waiting.join(300);
        assertThat(waiting.isAlive()).as("waits, polling every 10 ms").isTrue();
        assertThat(failure.get()).isNull();

        clock.advance(Duration.ofMillis(25)); // the next poll would end past the deadline
        waiting.join(5_000);
        assertThat(waiting.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(RequestDeadlinePassed.class);
    }

    /** A window of one request ends; the next window's one request is taken before any answer names its reset. */
    private void useUpAWindowWhoseResetIsUnknown(QuotaGate gate) throws Exception {
        Exchange first = exchange();
        gate.acquire(null, first);
        String reset = Long.toString(clock.instant().plusSeconds(1).getEpochSecond());
        gate.answered(
                first, Map.of("X-RateLimit-Limit", 1, "X-RateLimit-Remaining", 0, "X-RateLimit-Reset", reset), false);
        clock.advance(Duration.ofSeconds(1));
        gate.acquire(clock.instant(), exchange());
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }
}
