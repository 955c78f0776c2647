package io.barfeed.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's live streams, on a WebSocket port of their own: Alpaca's at {@code /v2/iex} (and its other feeds'
 * paths), Massive's at {@code /stocks}. Each minute, a moment after it closed, the subscribers get its bars (the
 * updated ones half a minute later); every {@code pingInterval} each connection gets a ping.
 */
public final class StreamSimulator implements AutoCloseable {

    /** When, after a minute closed, its bars go out; the updated ones follow 30 s later, as Alpaca's do. */
    static final Duration FLUSH = Duration.ofMillis(300);

    static final Duration UPDATE_DELAY = Duration.ofSeconds(30);

    private final WebSocketServer server;
    private final ScheduledExecutorService timer;
    private final AlpacaStream alpaca;
    private final MassiveStream massive;

    public StreamSimulator(SimulatedMarket market, int port, double updatedShare, Duration pingInterval, int refuse)
            throws IOException {
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stream-simulator");
            t.setDaemon(true);
            return t;
        });
        this.alpaca = new AlpacaStream(market, updatedShare, refuse, timer);
        this.massive = new MassiveStream(market);
        this.server = new WebSocketServer(port, path -> switch (path) {
            case "/v2/iex", "/v2/sip", "/v2/delayed_sip", "/v2/test" -> alpaca;
            case "/stocks" -> massive;
            default -> null;
        });
        long now = System.currentTimeMillis();
        long toNextMinute = 60_000 - now % 60_000;
        timer.scheduleAtFixedRate(
                () -> minuteClosed(Instant.now()), toNextMinute + FLUSH.toMillis(), 60_000, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(
                () -> correctionsDue(Instant.now()),
                toNextMinute + FLUSH.toMillis() + UPDATE_DELAY.toMillis(),
                60_000,
                TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(
                () -> {
                    alpaca.ping();
                    massive.ping();
                },
                pingInterval.toMillis(),
                pingInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The address of Alpaca's stream of the feed {@code feed} (iex, sip). */
    public String alpacaUrl(String feed) {
        return server.baseUrl() + "/v2/" + feed;
    }

    /** The address of Massive's stocks stream. */
    public String massiveUrl() {
        return server.baseUrl() + "/stocks";
    }

    /** Sends the bars of {@code minute} to every subscriber now, as when it closes (tests and demos). */
    public void sendMinute(Instant minute) {
        alpaca.minuteClosed(minute);
        massive.minuteClosed(minute);
    }

    private void minuteClosed(Instant now) {
        Instant closed = now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        alpaca.minuteClosed(closed);
        massive.minuteClosed(closed);
    }

    private void correctionsDue(Instant now) {
        alpaca.correctionsDue(now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1)));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        server.close();
    }
}
