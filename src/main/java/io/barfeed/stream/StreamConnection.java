package io.barfeed.stream;

import java.time.Instant;
import java.util.List;

/**
 * A connection that streams: where to, since when (market time), which symbols, and when the connection before it
 * was lost (the last frame heard from it; null for the first connection since the stream route started).
 */
public record StreamConnection(String url, Instant subscribedAt, List<String> symbols, Instant lostAt) {

    public StreamConnection {
        symbols = List.copyOf(symbols);
    }

    @Override
    public String toString() {
        return "connection to " + url + " at " + subscribedAt; // Camel prints what it routes: not every symbol
    }
}
