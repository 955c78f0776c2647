package io.barfeed.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Alpaca's market-data stream as the simulator speaks it (wss://stream.data.alpaca.markets/v2/{feed}): the greeting,
 * {@code auth} by message, {@code subscribe} and {@code unsubscribe} answered with the whole state held, the minute
 * bars ({@code "T":"b"}) of the subscribed symbols right after each minute, several in one frame, and for a share of
 * them an updated bar ({@code "T":"u"}) half a minute later. The bar first sent is then a preliminary one (the last
 * trade missing), the updated one is the simulated market's, which REST serves too. Errors as Alpaca sends them: 401
 * before auth, 402 for missing keys, 406 to a second connection of the account (closed 10 s later, the first one
 * untouched), and {@code refuse} (402, 406, 409) to every auth when set; a refused socket stays open and silent.
 */
final class AlpacaStream implements WebSocketServer.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGES_PER_FRAME = 200;
    private static final String AUTHENTICATED = "authenticated";
    private static final String BARS = "bars";
    private static final String UPDATED = "updatedBars";

    private final SimulatedMarket market;
    private final double updatedShare;
    private final int refuse;
    private final ScheduledExecutorService timer;
    private final List<WebSocketConnection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();

    AlpacaStream(SimulatedMarket market, double updatedShare, int refuse, ScheduledExecutorService timer) {
        this.market = market;
        this.updatedShare = updatedShare;
        this.refuse = refuse;
        this.timer = timer;
    }

    @Override
    public void opened(WebSocketConnection c) {
        c.attributes().put(BARS, new TreeSet<String>());
        c.attributes().put(UPDATED, new TreeSet<String>());
        connections.add(c);
        c.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
    }

    @Override
    public void closed(WebSocketConnection c) {
        connections.remove(c);
    }

    @Override
    public void text(WebSocketConnection c, String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (RuntimeException e) {
            c.send(error(400, "invalid syntax"));
            return;
        }
        switch (message.path("action").asString("")) {
            case "auth" -> auth(c, message);
            case "subscribe" -> subscription(c, message, true);
            case "unsubscribe" -> subscription(c, message, false);
            default -> c.send(error(400, "invalid syntax"));
        }
    }

    private void auth(WebSocketConnection c, JsonNode message) {
        if (c.attributes().containsKey(AUTHENTICATED)) {
            c.send(error(403, "already authenticated"));
            return;
        }
        if (refuse != 0) {
            c.send(error(refuse, refusal(refuse)));
            return;
        }
        if (message.path("key").asString("").isBlank()
                || message.path("secret").asString("").isBlank()) {
            c.send(error(402, "auth failed"));
            return;
        }
        boolean another = connections.stream()
                .anyMatch(other ->
                        other != c && other.isOpen() && other.attributes().containsKey(AUTHENTICATED));
        if (another) {
            // The newcomer is told and closed some seconds later; the incumbent keeps streaming.
            c.send(error(406, "connection limit exceeded"));
            timer.schedule(c::abort, 10, TimeUnit.SECONDS);
            return;
        }
        c.attributes().put(AUTHENTICATED, true);
        c.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
    }

    @SuppressWarnings("unchecked")
    private void subscription(WebSocketConnection c, JsonNode message, boolean add) {
        if (!c.attributes().containsKey(AUTHENTICATED)) {
            c.send(error(401, "not authenticated"));
            return;
        }
        for (String channel : List.of(BARS, UPDATED)) {
            JsonNode symbols = message.path(channel);
            if (symbols.isMissingNode()) {
                continue;
            }
            if (!symbols.isArray() || symbols.isEmpty()) {
                c.send(error(400, "invalid syntax"));
                return;
            }
            Set<String> held = (Set<String>) c.attributes().get(channel);
            synchronized (held) {
                symbols.forEach(s -> {
                    if (add) {
                        held.add(s.asString());
                    } else {
                        held.remove(s.asString());
                    }
                });
            }
        }
        // The whole state, only the channels that hold symbols (as the live stream answers).
        StringBuilder reply = new StringBuilder("[{\"T\":\"subscription\"");
        for (String channel : List.of(BARS, UPDATED)) {
            Set<String> held = (Set<String>) c.attributes().get(channel);
            synchronized (held) {
                if (!held.isEmpty()) {
                    reply.append(",\"").append(channel).append("\":").append(StreamJson.symbols(held));
                }
            }
        }
        c.send(reply.append("}]").toString());
    }

    /** Right after a minute closed: the bars of {@code minute} (its start) to every subscriber, first versions. */
    void minuteClosed(Instant minute) {
        if (!market.trades(minute)) {
            return;
        }
        for (WebSocketConnection c : connections) {
            List<String> messages = new ArrayList<>();
            for (String symbol : held(c, BARS)) {
                if (market.lists(symbol)) {
                    SimulatedMarket.Bar bar = SimulatedMarket.bar(symbol, minute);
                    messages.add(StreamJson.bar("b", symbol, corrected(symbol, minute) ? preliminary(bar) : bar));
                }
            }
            send(c, messages);
        }
    }

    /** Half a minute later: the updated bars of {@code minute}, the market's own, to those subscribed to them. */
    void correctionsDue(Instant minute) {
        if (!market.trades(minute)) {
            return;
        }
        for (WebSocketConnection c : connections) {
            List<String> messages = new ArrayList<>();
            for (String symbol : held(c, UPDATED)) {
                if (market.lists(symbol) && corrected(symbol, minute)) {
                    messages.add(StreamJson.bar("u", symbol, SimulatedMarket.bar(symbol, minute)));
                }
            }
            send(c, messages);
        }
    }

    /** Pings every connection, as Alpaca does about every 54 s. */
    void ping() {
        connections.forEach(WebSocketConnection::ping);
    }

    /** Whether the first bar of {@code symbol} at {@code minute} misses a late trade (an updated bar follows). */
    boolean corrected(String symbol, Instant minute) {
        long h = (symbol.hashCode() * 0x9E3779B97F4A7C15L) ^ (minute.getEpochSecond() * 0xBF58476D1CE4E5B9L);
        h ^= h >>> 29;
        return ((h >>> 11) * 0x1.0p-53) < updatedShare;
    }

    /** The bar without its last trade: one trade and a little volume fewer, closing at its open. */
    private static SimulatedMarket.Bar preliminary(SimulatedMarket.Bar bar) {
        long fewer = Math.max(1, bar.v() / 100);
        return new SimulatedMarket.Bar(
                bar.t(),
                bar.o(),
                bar.h(),
                bar.l(),
                bar.o(),
                Math.max(1, bar.v() - fewer),
                Math.max(1, bar.n() - 1),
                bar.vw());
    }

    @SuppressWarnings("unchecked")
    private static List<String> held(WebSocketConnection c, String channel) {
        if (!c.attributes().containsKey(AUTHENTICATED)) {
            return List.of();
        }
        Set<String> held = (Set<String>) c.attributes().get(channel);
        synchronized (held) {
            return List.copyOf(held);
        }
    }

    private static void send(WebSocketConnection c, List<String> messages) {
        for (int from = 0; from < messages.size(); from += MESSAGES_PER_FRAME) {
            c.send("[" + String.join(",", messages.subList(from, Math.min(messages.size(), from + MESSAGES_PER_FRAME)))
                    + "]");
        }
    }

    private static String refusal(int code) {
        return switch (code) {
            case 402 -> "auth failed";
            case 406 -> "connection limit exceeded";
            case 409 -> "insufficient subscription";
            default -> "internal error";
        };
    }

    private static String error(int code, String message) {
        return "[{\"T\":\"error\",\"code\":" + code + ",\"msg\":\"" + message + "\"}]";
    }
}
