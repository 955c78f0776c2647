package io.barfeed.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The backoff of a failed page or batch doubles from its first wait up to its cap: barfeed.fetch.max-retry-delay
 * and barfeed.store.max-retry-delay.
 */
class RetryDelayBackoffTest {

    @Test
    void theWaitDoublesEachAttemptUpToTheCap() {
        assertThat(RetryDelay.backoff(200, 1, 60_000)).isEqualTo(200);
        assertThat(RetryDelay.backoff(200, 5, 60_000)).isEqualTo(3_200);
        assertThat(RetryDelay.backoff(200, 10, 60_000)).isEqualTo(60_000); // 102,400 capped
        assertThat(RetryDelay.backoff(200, 10, 1_000)).isEqualTo(1_000);
        assertThat(RetryDelay.backoff(500, 63, Long.MAX_VALUE)).isEqualTo(500L << 20); // never overflows
    }
}
