package io.barfeed.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reconnect waits: doubling from the first to the longest, half of each random, reset by a long connection. */
class BackoffTest {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(60);
    static final Duration RESET = Duration.ofSeconds(60);
    static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void waitsDoubleUpToTheLongestWithJitterInTheirUpperHalf() {
        Backoff lowest = new Backoff(FIRST, MAX, RESET, LIMIT, () -> 0.0);
        Backoff highest = new Backoff(FIRST, MAX, RESET, LIMIT, () -> 0.999_999);
        List<Long> low = new ArrayList<>();
        List<Long> high = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            low.add(lowest.next(Duration.ZERO, false).toMillis());
            high.add(highest.next(Duration.ZERO, false).toMillis());
        }
        assertThat(low).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
        assertThat(high).containsExactly(999L, 1999L, 3999L, 7999L, 15999L, 31999L, 59999L, 59999L, 59999L);
    }

    @Test
    void aConnectionThatLastedTheResetStartsAgainAtTheFirstWait() {
        Backoff backoff = new Backoff(FIRST, MAX, RESET, LIMIT, () -> 0.0);
        for (int i = 0; i < 5; i++) {
            backoff.next(Duration.ofSeconds(5), false);
        }
        assertThat(backoff.next(Duration.ofSeconds(61), false)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void theConnectionLimitWaitsAtLeastItsOwnWait() {
        Backoff backoff = new Backoff(FIRST, MAX, RESET, LIMIT, () -> 0.0);
        assertThat(backoff.next(Duration.ZERO, true)).isGreaterThanOrEqualTo(LIMIT);
        assertThat(new Backoff(FIRST, MAX, RESET, LIMIT, () -> 0.5).next(Duration.ZERO, true))
                .isGreaterThanOrEqualTo(LIMIT);
    }
}
