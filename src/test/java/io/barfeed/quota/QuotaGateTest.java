package io.barfeed.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The gate's waits are read through the deadline: {@code acquire} with a deadline of now returns at once when the
 * quota lets the request through, and otherwise throws {@link QuotaPastDeadline} naming how long it would wait.
 */
class QuotaGateTest {

    static final Instant START = Instant.parse("2024-05-10T20:00:00Z");
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    final HandClock clock = new HandClock(START);
    final CamelContext camel = new DefaultCamelContext();
    // No jitter: with a jitter below 1 ms the gate adds exactly 0, so waits are exact.
    final QuotaGate gate = new QuotaGate(clock, MAX_WAIT, Duration.ZERO);

    @AfterEach
    void closeCamel() throws Exception {
        camel.close();
    }

    @Test
    void withNoQuotaHeadersSeenRequestsNeverWait() {
        assertThatCode(() -> {
                    for (int i = 0; i < 1000; i++) {
                        gate.acquire(clock.instant(), exchange());
                    }
                })
                .doesNotThrowAnyException();
    }

    @Test
    void aWindowLetsThroughExactlyItsRemainingRequests() throws Exception {
        Exchange first = exchange();
        gate.acquire(null, first);
        gate.answered(first, quota(100, 3, in(60)), false);

        for (int i = 0; i < 3; i++) {
            gate.acquire(clock.instant(), exchange());
        }
        assertThat(nextWait()).isEqualTo(60_000);
    }

    @Test
    void requestsStillInFlightAreCountedOutOfTheRemainingQuota() throws Exception {
        Exchange first = exchange();
        gate.acquire(null, first);
        gate.acquire(null, exchange());
        gate.acquire(null, exchange());
        // Two requests are still out: the 5 remaining the first answer reports may not count them yet.
        gate.answered(first, quota(100, 5, in(60)), false);

        for (int i = 0; i < 3; i++) {
            gate.acquire(clock.instant(), exchange());
        }
        assertThat(nextWait()).isEqualTo(60_000);
    }

    @Test
    void aNewWindowBringsTheFullLimitBack() throws Exception {
        gate.answered(exchange(), quota(2, 0, in(60)), false);
        assertThat(nextWait()).isEqualTo(60_000);

        clock.advance(Duration.ofSeconds(60));

        gate.acquire(clock.instant(), exchange());
        gate.acquire(clock.instant(), exchange());
        assertThat(nextWait())
                .as("a poll: no answer of the new window has named its reset")
                .isEqualTo(50);
    }

    @Test
    void headersAreReadWhateverTheirCase() throws Exception {
        // HTTP/2 sends header names in lower case.
        gate.answered(
                exchange(),
                Map.of("x-ratelimit-limit", "100", "x-ratelimit-remaining", "1", "x-ratelimit-reset", in(60)),
                false);

        gate.acquire(clock.instant(), exchange());
        assertThat(nextWait()).isEqualTo(60_000);
    }

    @Test
    void aRefusalWaitsUntilItsOwnReset() {
        gate.answered(exchange(), quota(100, 50, in(10)), false);

        long wait = gate.answered(exchange(), Map.of("X-RateLimit-Reset", in(30)), true);

        assertThat(wait).isEqualTo(30_000);
    }

    @Test
    void aRefusalWithoutHeadersWaitsUntilTheWindowsKnownReset() {
        gate.answered(exchange(), quota(100, 50, in(10)), false);
        clock.advance(Duration.ofSeconds(2));

        // Alpaca's 429 carries no rate-limit headers.
        long wait = gate.answered(exchange(), Map.of(), true);

        assertThat(wait).isEqualTo(8_000);
    }

    @Test
    void aRefusalWithNoResetKnownWaitsOneSecond() {
        assertThat(gate.answered(exchange(), Map.of(), true)).isEqualTo(1_000);
    }

    @Test
    void aRefusalNeverWaitsLongerThanTheLongestWait() {
        long wait = gate.answered(exchange(), Map.of("X-RateLimit-Reset", in(300)), true);

        assertThat(wait).isEqualTo(MAX_WAIT.toMillis());
    }

    @Test
    void aRefusalsWaitGetsJitterOnTop() {
        QuotaGate jittered = new QuotaGate(clock, MAX_WAIT, Duration.ofMillis(500));

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waits.add(jittered.answered(exchange(), Map.of("X-RateLimit-Reset", in(10)), true));
        }

        // Each wait is the reset plus less than the jitter; twenty without any jitter would be chance of 500^-20.
        assertThat(waits).allSatisfy(w -> assertThat(w).isBetween(10_000L, 10_499L));
        assertThat(waits).anySatisfy(w -> assertThat(w).isGreaterThan(10_000L));
    }

    @Test
    void aWaitPastTheDeadlineThrowsInsteadOfWaiting() {
        gate.answered(exchange(), Map.of("X-RateLimit-Reset", in(10)), true);
        Instant deadline = START.plusSeconds(5);

        assertThatThrownBy(() -> gate.acquire(deadline, exchange()))
                .isInstanceOf(QuotaPastDeadline.class)
                .hasMessageContaining(deadline.toString())
                .hasMessageContaining("used up for the next 10000 ms");
    }

    @Test
    void aRefusalWithoutHeadersStopsTheGateUntilTheWindowsReset() throws Exception {
        Exchange first = exchange();
        gate.acquire(null, first);
        gate.answered(first, quota(100, 10, in(60)), false);
        Exchange refused = exchange();
        gate.acquire(null, refused);

        gate.answered(refused, Map.of(), true);

        // The API said the quota is used up: no request should go before the window's reset.
        assertThat(nextWait()).isEqualTo(60_000);
    }

    @Test
    void aRefusalNamingAnEarlierResetOpensTheGateAtThatReset() throws Exception {
        Exchange first = exchange();
        gate.acquire(null, first);
        gate.answered(first, quota(100, 10, in(60)), false);
        Exchange refused = exchange();
        gate.acquire(null, refused);

        // A 429 that names its own reset, a second away, is believed over the minute window seen before.
        gate.answered(refused, Map.of("X-RateLimit-Reset", in(1)), true);

        assertThat(nextWait()).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(1));
        gate.acquire(clock.instant(), exchange());
    }

    @Test
    void aRequestWaitingForTheQuotaGoesOnceTheWindowResets() throws Exception {
        // Waits of at most 20 ms: the waiting request looks at the clock again that often.
        QuotaGate gate = new QuotaGate(clock, Duration.ofMillis(20), Duration.ZERO);
        gate.answered(exchange(), Map.of("X-RateLimit-Reset", in(10)), true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiting = new Thread(() -> {
            try {
                gate.acquire(null, exchange());
            } catch (Throwable e) {
                failure.set(e);
            }
        });

        waiting.start();
        waitUntilWaiting(waiting);
        clock.advance(Duration.ofSeconds(10));
        waiting.join(5_000);

        assertThat(waiting.isAlive()).as("still waiting after the reset").isFalse();
        assertThat(failure.get()).isNull();
    }

    /** How long the gate keeps the next request waiting: 0 when it lets it through (it then takes its slot). */
    private long nextWait() throws InterruptedException, RequestDeadlinePassed {
        try {
            gate.acquire(clock.instant(), exchange());
            return 0;
        } catch (QuotaPastDeadline e) {
            return e.waitMillis();
        }
    }

    private Exchange exchange() {
        return new DefaultExchange(camel);
    }

    /** The epoch second {@code seconds} from now, as X-RateLimit-Reset names it. */
    private String in(long seconds) {
        return Long.toString(clock.instant().plusSeconds(seconds).getEpochSecond());
    }

    private static Map<String, Object> quota(long limit, long remaining, String reset) {
        return Map.of("X-RateLimit-Limit", limit, "X-RateLimit-Remaining", remaining, "X-RateLimit-Reset", reset);
    }

    private static void waitUntilWaiting(Thread thread) {
        // Up to 5 s: a loaded 2-core machine may take a while to schedule the thread.
        await("the request waits for the quota")
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> thread.getState() == Thread.State.TIMED_WAITING);
    }
}
