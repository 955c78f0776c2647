package io.barfeed.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Where the stream stands, as its connection tells it: whether it is streaming (authenticated, subscribed, frames
 * flowing), since when each symbol has been subscribed without a break (a roll-up is written only for a window its
 * symbol was streamed through whole), when it was last disconnected and why, and a refusal that stopped it. Read by
 * the health, the meters, the roll-ups and the report line; decided by {@link StreamSession} alone.
 */
@Component("streamState")
public class StreamState {

    private final Clock clock;
    private final Clock market;
    private final Map<String, Instant> subscribedSince = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean connected;
    private volatile Instant connectedSince;
    private volatile Instant disconnectedSince;
    private volatile String lastDisconnect = "";
    private volatile String refusal;

    /** {@code clock}: how long it has been down; {@code market}: the times bars are stamped in (roll-up windows). */
    public StreamState(Clock clock, @Qualifier("marketClock") Clock market) {
        this.clock = clock;
        this.market = market;
    }

    /** The stream route started: not connected yet. */
    void started() {
        running = true;
        refusal = null;
        disconnectedSince = clock.instant();
    }

    /** The stream route stopped. */
    void stopped() {
        running = false;
        lost("stopped");
    }

    /** Authenticated and subscribed to {@code symbols} at {@code now} (market time): streaming. */
    void connected(Collection<String> symbols, Instant now) {
        subscribedSince.clear();
        symbols.forEach(s -> subscribedSince.put(s, now));
        connectedSince = now;
        connected = true;
    }

    /** Symbols added to the subscription while connected: streamed from now on. */
    void subscribed(Collection<String> symbols) {
        Instant now = market.instant();
        symbols.forEach(s -> subscribedSince.putIfAbsent(s, now));
    }

    void unsubscribed(Collection<String> symbols) {
        symbols.forEach(subscribedSince::remove);
    }

    /** The connection ended, for {@code reason}. */
    void lost(String reason) {
        if (connected) {
            disconnectedSince = clock.instant();
        }
        connected = false;
        subscribedSince.clear();
        lastDisconnect = reason;
    }

    /** The provider refused the stream for good (keys, plan): it stays stopped. */
    void refused(String message) {
        refusal = message;
    }

    /** Since when {@code symbol} has been streamed without a break; null: it is not. */
    public Instant subscribedSince(String symbol) {
        return connected ? subscribedSince.get(symbol) : null;
    }

    public boolean running() {
        return running;
    }

    public boolean connected() {
        return connected;
    }

    public Instant connectedSince() {
        return connectedSince;
    }

    /** How long the stream has been disconnected while it should stream; zero while connected or stopped. */
    public Duration disconnectedFor() {
        if (connected || disconnectedSince == null) {
            return Duration.ZERO;
        }
        return Duration.between(disconnectedSince, clock.instant());
    }

    public String lastDisconnect() {
        return lastDisconnect;
    }

    /** What stopped the stream for good; null: nothing did. */
    public String refusal() {
        return refusal;
    }

    public int symbols() {
        return connected ? subscribedSince.size() : 0;
    }
}
