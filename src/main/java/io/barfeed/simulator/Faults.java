package io.barfeed.simulator;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The faults the simulator mixes into its answers, each with the share of requests it hits
 * (0 to 1), drawn from a seeded random sequence so a chaos run can be repeated.
 */
public final class Faults {

    /** A kind of fault, in the order the shares are laid end to end. */
    public enum Kind {
        RATE_LIMITED,
        SERVER_ERROR,
        CONNECTION_RESET,
        SLOW,
        GARBAGE
    }

    private final Map<Kind, Double> shares;
    private final Duration slowDelay;
    private final Random random;
    private final Map<Kind, AtomicLong> served = new EnumMap<>(Kind.class);

    public Faults(Map<Kind, Double> shares, Duration slowDelay, long seed) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (shares.values().stream().anyMatch(s -> s < 0) || total > 1) {
            throw new IllegalArgumentException(
                    "barfeed.simulator.faults: shares must be 0 to 1 and add up to at most 1, were " + shares);
        }
        this.shares = new EnumMap<>(Kind.class);
        this.shares.putAll(shares);
        this.slowDelay = slowDelay;
        this.random = new Random(seed);
        for (Kind kind : Kind.values()) {
            served.put(kind, new AtomicLong());
        }
    }

    public static Faults none() {
        return new Faults(Map.of(), Duration.ZERO, 0);
    }

    /** The fault for the next request, or null for a sound answer. */
    public Kind next() {
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        double upTo = 0;
        for (Kind kind : Kind.values()) {
            upTo += shares.getOrDefault(kind, 0.0);
            if (draw < upTo) {
                served.get(kind).incrementAndGet();
                return kind;
            }
        }
        return null;
    }

    public Duration slowDelay() {
        return slowDelay;
    }

    /** How many answers of each kind were faulty so far. */
    public Map<Kind, Long> served() {
        Map<Kind, Long> counts = new EnumMap<>(Kind.class);
        served.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }
}
