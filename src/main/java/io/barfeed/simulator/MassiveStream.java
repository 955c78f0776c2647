package io.barfeed.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Massive's (formerly Polygon.io) stocks stream as the simulator speaks it (wss://socket.massive.com/stocks): status
 * messages ({@code "ev":"status"}) for the greeting, the authentication ({@code auth_success}, {@code auth_failed})
 * and each symbol subscribed ({@code success}); per-minute aggregates {@code "ev":"AM"} of the symbols subscribed as
 * {@code AM.SYMBOL}, the window's start and end in Unix milliseconds ({@code s}, {@code e}), no trade count.
 */
final class MassiveStream implements WebSocketServer.Handler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUTHENTICATED = "authenticated";
    private static final String HELD = "held";

    private final SimulatedMarket market;
    private final List<WebSocketConnection> connections = new CopyOnWriteArrayList<>();

    MassiveStream(SimulatedMarket market) {
        this.market = market;
    }

    @Override
    public void opened(WebSocketConnection c) {
        c.attributes().put(HELD, new TreeSet<String>());
        connections.add(c);
        c.send(status("connected", "Connected Successfully"));
    }

    @Override
    public void closed(WebSocketConnection c) {
        connections.remove(c);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void text(WebSocketConnection c, String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (RuntimeException e) {
            c.send(status("error", "invalid message"));
            return;
        }
        String action = message.path("action").asString("");
        String params = message.path("params").asString("");
        if (action.equals("auth")) {
            if (params.isBlank()) {
                c.send(status("auth_failed", "authentication failed"));
            } else {
                c.attributes().put(AUTHENTICATED, true);
                c.send(status("auth_success", "authenticated"));
            }
            return;
        }
        if (!c.attributes().containsKey(AUTHENTICATED)) {
            c.send(status("error", "not authorized"));
            return;
        }
        Set<String> held = (Set<String>) c.attributes().get(HELD);
        List<String> replies = new ArrayList<>();
        for (String param : params.split(",")) {
            String channel = param.trim();
            if (!channel.startsWith("AM.")) {
                continue;
            }
            synchronized (held) {
                if (action.equals("subscribe")) {
                    held.add(channel.substring(3));
                } else {
                    held.remove(channel.substring(3));
                }
            }
            String verb = action.equals("subscribe") ? "subscribed to: " : "unsubscribed to: ";
            replies.add("{\"ev\":\"status\",\"status\":\"success\",\"message\":\"" + verb + channel + "\"}");
        }
        if (!replies.isEmpty()) {
            c.send("[" + String.join(",", replies) + "]");
        }
    }

    /** The per-minute aggregates of {@code minute} to every subscriber, in one frame. */
    @SuppressWarnings("unchecked")
    void minuteClosed(Instant minute) {
        if (!market.trades(minute)) {
            return;
        }
        for (WebSocketConnection c : connections) {
            if (!c.attributes().containsKey(AUTHENTICATED)) {
                continue;
            }
            Set<String> held = (Set<String>) c.attributes().get(HELD);
            List<String> messages = new ArrayList<>();
            synchronized (held) {
                for (String symbol : held) {
                    if (market.lists(symbol)) {
                        messages.add(aggregate(symbol, SimulatedMarket.bar(symbol, minute)));
                    }
                }
            }
            if (!messages.isEmpty()) {
                c.send("[" + String.join(",", messages) + "]");
            }
        }
    }

    void ping() {
        connections.forEach(WebSocketConnection::ping);
    }

    private static String aggregate(String symbol, SimulatedMarket.Bar bar) {
        long start = bar.t().toEpochMilli();
        return "{\"ev\":\"AM\",\"sym\":\"" + symbol + "\",\"v\":" + bar.v() + ",\"av\":" + bar.v() * 100 + ",\"op\":"
                + bar.o().toPlainString() + ",\"vw\":" + bar.vw().toPlainString() + ",\"o\":"
                + bar.o().toPlainString() + ",\"c\":" + bar.c().toPlainString() + ",\"h\":"
                + bar.h().toPlainString() + ",\"l\":" + bar.l().toPlainString() + ",\"a\":"
                + bar.vw().toPlainString() + ",\"z\":" + Math.max(1, bar.v() / Math.max(1, bar.n())) + ",\"s\":"
                + start + ",\"e\":" + (start + 60_000) + "}";
    }

    private static String status(String status, String message) {
        return "[{\"ev\":\"status\",\"status\":\"" + status + "\",\"message\":\"" + message + "\"}]";
    }
}
