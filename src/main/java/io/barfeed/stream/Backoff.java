package io.barfeed.stream;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next connection attempt: {@code first}, doubling with each attempt that follows a
 * short connection, up to {@code max}, half of it drawn at random (so clients that lost the server together do not
 * return together); reset once a connection lasted {@code reset}. The connection limit's refusal waits at least
 * {@code limit}: another client holds the account's only connection, and asking sooner meets the same refusal.
 */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private final Duration reset;
    private final Duration limit;
    private final DoubleSupplier random;
    private int attempt;

    Backoff(Duration first, Duration max, Duration reset, Duration limit, DoubleSupplier random) {
        this.first = first;
        this.max = max;
        this.reset = reset;
        this.limit = limit;
        this.random = random;
    }

    /** The wait before the next attempt, after a connection that lasted {@code connected} (zero: none). */
    Duration next(Duration connected, boolean connectionLimit) {
        if (connected.compareTo(reset) >= 0) {
            attempt = 0;
        }
        long base = Math.min(max.toMillis(), first.toMillis() << Math.min(attempt, 30));
        attempt++;
        long wait = base / 2 + (long) (random.getAsDouble() * (base - base / 2));
        if (connectionLimit) {
            wait = Math.max(wait, limit.toMillis()) + (long) (random.getAsDouble() * limit.toMillis() / 10);
        }
        return Duration.ofMillis(wait);
    }
}
