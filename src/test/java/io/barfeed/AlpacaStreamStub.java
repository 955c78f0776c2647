package io.barfeed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.WebSocketConnection;
import io.barfeed.simulator.WebSocketServer;

/**
 * An in-process stand-in for Alpaca's market-data stream, scripted by the test: frames shaped as Alpaca's live
 * stream sends them (made-up values: the simulated market's), the handshake (greeting, auth by message, the
 * subscription answered with the whole state held), and the faults the live service showed: a refusal that leaves the
 * socket open and silent, 406 to a newcomer, a socket that goes silent, a drop without a close frame.
 */
final class AlpacaStreamStub implements AutoCloseable {

    private static final Pattern LIST = Pattern.compile("\"(bars|updatedBars)\":\\[([^\\]]*)]");
    private static final Pattern ACTION = Pattern.compile("\"action\":\"([a-z]+)\"");

    private final WebSocketServer server;
    private final List<WebSocketConnection> streaming = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private final Set<String> held = new TreeSet<>();
    private volatile int refuse;

    AlpacaStreamStub() {
        try {
            server = new WebSocketServer(0, path -> path.equals("/v2/iex") ? new Handler() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.baseUrl() + "/v2/iex";
    }

    /** Every authentication from now on is answered with this error code (402, 406, 409); 0: none. */
    void refuseWith(int code) {
        refuse = code;
    }

    /** Connections opened so far. */
    int connects() {
        return connects.get();
    }

    /** The messages barfeed sent, in order (auth, subscribe, unsubscribe). */
    List<String> received() {
        return List.copyOf(received);
    }

    /** The bar symbols held by the connection streaming now (empty when none is). */
    synchronized Set<String> held() {
        return Set.copyOf(held);
    }

    /** The connections authenticated, subscribed and open now. */
    long streamingNow() {
        return streaming.stream().filter(WebSocketConnection::isOpen).count();
    }

    /** Whether a connection is authenticated and subscribed now. */
    boolean streaming() {
        return streaming.stream().anyMatch(WebSocketConnection::isOpen);
    }

    /** The minute bars of {@code minute} for these symbols, the simulated market's, in one frame. */
    void bars(Instant minute, String... symbols) {
        send(frame("b", minute, symbols));
    }

    /** The same bars, as updated bars. */
    void updatedBars(Instant minute, String... symbols) {
        send(frame("u", minute, symbols));
    }

    /** A frame as it is, to every streaming connection. */
    void send(String frame) {
        streaming.forEach(c -> c.send(frame));
    }

    /** A frame in {@code fragments} WebSocket frames. */
    void sendFragments(String frame, int fragments) {
        streaming.forEach(c -> c.sendFragments(frame, fragments));
    }

    /** Every connection ends without a close frame (a network failure; Alpaca never sends one either). */
    void drop() {
        server.connections().forEach(WebSocketConnection::abort);
        streaming.clear();
        synchronized (this) {
            held.clear();
        }
    }

    /** Every connection falls silent: open, but no frame, no pong. */
    void silence() {
        server.connections().forEach(WebSocketConnection::fallSilent);
    }

    static String frame(String type, Instant minute, String... symbols) {
        List<String> messages = new ArrayList<>();
        for (String symbol : symbols) {
            SimulatedMarket.Bar b = SimulatedMarket.bar(symbol, minute);
            messages.add(String.format(
                    "{\"T\":\"%s\",\"S\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":%d,\"t\":\"%s\",\"n\":%d,"
                            + "\"vw\":%s}",
                    type,
                    symbol,
                    b.o().toPlainString(),
                    b.h().toPlainString(),
                    b.l().toPlainString(),
                    b.c().toPlainString(),
                    b.v(),
                    minute,
                    b.n(),
                    b.vw().toPlainString()));
        }
        return "[" + String.join(",", messages) + "]";
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Handler implements WebSocketServer.Handler {

        @Override
        public void opened(WebSocketConnection c) {
            connects.incrementAndGet();
            c.send("[{\"T\":\"success\",\"msg\":\"connected\"}]");
        }

        @Override
        public void text(WebSocketConnection c, String text) {
            received.add(text);
            Matcher action = ACTION.matcher(text);
            String verb = action.find() ? action.group(1) : "";
            switch (verb) {
                case "auth" -> {
                    if (refuse != 0) {
                        c.send("[{\"T\":\"error\",\"code\":" + refuse + ",\"msg\":\"" + refusal(refuse) + "\"}]");
                    } else if (text.contains("\"key\":\"\"") || text.contains("\"secret\":\"\"")) {
                        c.send("[{\"T\":\"error\",\"code\":402,\"msg\":\"auth failed\"}]");
                    } else {
                        c.send("[{\"T\":\"success\",\"msg\":\"authenticated\"}]");
                    }
                }
                case "subscribe", "unsubscribe" -> {
                    String reply;
                    synchronized (AlpacaStreamStub.this) {
                        Matcher lists = LIST.matcher(text);
                        while (lists.find()) {
                            if (!lists.group(1).equals("bars")) {
                                continue;
                            }
                            for (String quoted : lists.group(2).split(",")) {
                                String symbol = quoted.trim().replace("\"", "");
                                if (verb.equals("subscribe")) {
                                    held.add(symbol);
                                } else {
                                    held.remove(symbol);
                                }
                            }
                        }
                        String symbols = held.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
                        reply = held.isEmpty()
                                ? "[{\"T\":\"subscription\"}]"
                                : "[{\"T\":\"subscription\",\"bars\":[" + symbols + "],\"updatedBars\":[" + symbols
                                        + "]}]";
                    }
                    if (!streaming.contains(c)) {
                        streaming.add(c);
                    }
                    c.send(reply);
                }
                default -> c.send("[{\"T\":\"error\",\"code\":400,\"msg\":\"invalid syntax\"}]");
            }
        }

        @Override
        public void closed(WebSocketConnection c) {
            streaming.remove(c);
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
}
