package io.barfeed.stream;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.barfeed.settings.BarfeedProperties;

/**
 * One stream, for as long as its route runs: connect, wait for the greeting, authenticate, subscribe the universe,
 * and only then call it connected; pass each data frame to the route; ping the server and give up on a socket that
 * has sent nothing (no frame, no ping, no pong) for the stall timeout; read the universe again now and then and
 * subscribe or unsubscribe the difference; reconnect with backoff and jitter, subscribing everything again (the
 * server keeps no subscriptions). A refusal no retry can change (keys, plan) stops the stream with an ERROR that
 * names what to fix. Control messages are handled on this session's own thread, in order; data frames on the
 * socket's, one at a time (the next is read only once the route is done with this one).
 */
final class StreamSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.stream");

    /** What the session needs from its route: the universe, and where to say it connected and disconnected. */
    interface Route {
        /** The universe query's rows: stock_id, symbol. */
        List<Map<String, Object>> universe();

        /** Streaming now; returns what the route wants handed back with every frame (the connection's run). */
        Object connected(StreamConnection connection);

        void disconnected(Object connection, String reason);

        void frame(List<StreamMessage> messages, Object connection);

        /** A refusal no retry can change: the route is to stop. */
        void refused(String message);
    }

    /** Why a connection ended, as the reconnect meter's reason, and what the log line says. */
    record Ending(String reason, String detail, boolean connectionLimit, String refusal) {
        static Ending of(String reason, String detail) {
            return new Ending(reason, detail, false, null);
        }
    }

    private final String url;
    private final Clock clock;
    private final StreamProtocol protocol;
    private final BarfeedProperties.Stream settings;
    private final java.util.function.UnaryOperator<String> variables;
    private final StreamState state;
    private final StreamMeters meters;
    private final Route route;
    private final ExecutorService socketThreads;
    private final Backoff backoff;
    private final BlockingQueue<Map<String, Object>> controls = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private volatile Thread thread;
    private volatile WebSocket socket;
    private volatile CompletableFuture<Ending> ended = new CompletableFuture<>();
    private volatile long lastInbound;
    private volatile boolean streaming;
    private volatile Map<String, Long> stockIds = Map.of();
    private volatile Object connection;
    private volatile CountDownLatch ready = new CountDownLatch(0);
    private volatile Instant lostAt;
    private final Set<String> wanted = new TreeSet<>();
    // Subscription requests sent while streaming whose replies have not come yet (the session's thread only).
    private int pendingReplies;

    StreamSession(
            String url,
            Clock clock,
            StreamProtocol protocol,
            BarfeedProperties.Stream settings,
            java.util.function.UnaryOperator<String> variables,
            StreamState state,
            StreamMeters meters,
            Route route,
            ExecutorService socketThreads) {
        this.url = url;
        this.clock = clock;
        this.protocol = protocol;
        this.settings = settings;
        this.variables = variables;
        this.state = state;
        this.meters = meters;
        this.route = route;
        this.socketThreads = socketThreads;
        this.backoff = new Backoff(
                settings.backoff(),
                settings.maxBackoff(),
                settings.backoffReset(),
                settings.connectionLimitBackoff(),
                Math::random);
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        state.started();
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(settings.handshakeTimeout())
                .executor(socketThreads)
                .build();
        try {
            while (running) {
                long started = System.nanoTime();
                Ending end = connectOnce(client);
                Duration connected = streaming ? Duration.ofNanos(System.nanoTime() - started) : Duration.ZERO;
                boolean wasStreaming = streaming;
                streaming = false;
                if (wasStreaming) {
                    // The moment it was lost: the last frame heard (a dead socket is noticed only a stall later).
                    lostAt = clock.instant().minusNanos(Math.max(0, System.nanoTime() - lastInbound));
                }
                close();
                state.lost(end.reason());
                if (connection != null) {
                    route.disconnected(connection, end.reason() + ": " + end.detail());
                    connection = null;
                }
                if (!running) {
                    LOG.info("barfeed stream disconnected from {}: the stream route stopped", url);
                    break;
                }
                if (end.refusal() != null) {
                    LOG.error("barfeed stream stopped: {} (the stream at {}); REST runs go on", end.refusal(), url);
                    state.refused(end.refusal());
                    route.refused(end.refusal());
                    break;
                }
                Duration wait = backoff.next(connected, end.connectionLimit());
                meters.reconnect(end.reason());
                String line = "barfeed stream " + (wasStreaming ? "disconnected from " : "could not connect to ") + url
                        + ": " + end.detail() + "; reconnecting in " + seconds(wait);
                if (end.connectionLimit()) {
                    LOG.error(line);
                } else {
                    LOG.warn(line);
                }
                Thread.sleep(wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            state.stopped();
        }
    }

    /** Stops the session: the socket closed, no reconnect. */
    void stop() {
        running = false;
        ended.complete(Ending.of("stopped", "the stream route stopped"));
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private Ending connectOnce(HttpClient client) throws InterruptedException {
        ended = new CompletableFuture<>();
        controls.clear();
        ready = new CountDownLatch(1);
        pendingReplies = 0;
        try {
            return handshake(client);
        } catch (RuntimeException e) {
            // The universe query or the connected route failed (the database gone): try again after a backoff.
            return Ending.of("failed", "barfeed could not start streaming (" + describe(e) + ")");
        } finally {
            ready.countDown();
        }
    }

    private Ending handshake(HttpClient client) throws InterruptedException {
        Duration timeout = settings.handshakeTimeout();
        try {
            socket = client.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(URI.create(url), new Listener())
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Ending.of("connect-failed", "connection failed (" + describe(cause) + ")");
        }
        lastInbound = System.nanoTime();
        try {
            if (protocol.greets()) {
                Object greeted = await(protocol::isGreeting, "the greeting");
                if (greeted instanceof Ending end) {
                    return end;
                }
            }
            String auth = protocol.authMessage();
            if (!auth.isBlank()) {
                send(variables.apply(auth));
                Object authenticated = await(protocol::isAuthenticated, "the authentication");
                if (authenticated instanceof Ending end) {
                    return end;
                }
            }
            List<Map<String, Object>> rows = route.universe();
            Map<String, Long> ids = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                ids.putIfAbsent(String.valueOf(row.get("symbol")), ((Number) row.get("stock_id")).longValue());
            }
            stockIds = ids;
            wanted.clear();
            wanted.addAll(ids.keySet());
            if (wanted.isEmpty()) {
                return Ending.of("empty-universe", "barfeed.universe.query returned no symbols");
            }
            send(protocol.subscribe(wanted));
            Object reply = await(protocol::isSubscription, "the subscription reply");
            if (reply instanceof Ending end) {
                return end;
            }
            Set<String> held = new TreeSet<>(wanted);
            if (protocol.repliesFullState()) {
                held = reconcile(protocol.held(asMap(reply)));
            }
            Instant subscribedAt = clock.instant();
            state.connected(held, subscribedAt);
            connection = route.connected(new StreamConnection(url, subscribedAt, List.copyOf(held), lostAt));
            streaming = true;
            ready.countDown();
            LOG.info("barfeed stream connected to {}: {} symbols subscribed", url, held.size());
            return stream();
        } catch (IOException e) {
            return Ending.of("send-failed", "a message could not be sent (" + describe(e) + ")");
        }
    }

    /** Connected: control messages, pings, the stall watch and the universe's changes until the socket ends. */
    private Ending stream() throws InterruptedException, IOException {
        long pingEvery = settings.pingInterval().toNanos();
        long stall = settings.stallTimeout().toNanos();
        long refreshEvery = settings.universeRefresh().toNanos();
        long lastPing = System.nanoTime();
        long lastRefresh = System.nanoTime();
        while (running) {
            if (ended.isDone()) {
                return ended.getNow(Ending.of("closed", "closed"));
            }
            Map<String, Object> control = controls.poll(100, TimeUnit.MILLISECONDS);
            if (control != null) {
                Ending end = steadyControl(control);
                if (end != null) {
                    return end;
                }
            }
            long now = System.nanoTime();
            if (now - lastInbound > stall) {
                return Ending.of(
                        "stall", "no frame of any kind for " + seconds(settings.stallTimeout()) + " (a dead socket)");
            }
            if (now - lastPing >= pingEvery) {
                lastPing = now;
                socket.sendPing(ByteBuffer.wrap("barfeed".getBytes(StandardCharsets.US_ASCII)));
            }
            if (now - lastRefresh >= refreshEvery) {
                lastRefresh = now;
                refreshUniverse();
            }
        }
        return Ending.of("stopped", "the stream route stopped");
    }

    private Ending steadyControl(Map<String, Object> control) throws IOException {
        if (protocol.isError(control)) {
            return error(control, false);
        }
        if (protocol.isSubscription(control) && protocol.repliesFullState()) {
            // Each reply is the state after its own request: reconcile against the last one's only.
            pendingReplies = Math.max(0, pendingReplies - 1);
            if (pendingReplies == 0) {
                Set<String> held = reconcile(protocol.held(control));
                state.subscribed(held);
            }
        }
        return null;
    }

    /** Against the full-state reply: symbols held and not wanted are unsubscribed; wanted and not held, said. */
    private Set<String> reconcile(Set<String> held) throws IOException {
        Set<String> extra = new TreeSet<>(held);
        extra.removeAll(wanted);
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(held);
        if (!extra.isEmpty()) {
            sendRequest(protocol.unsubscribe(extra));
        }
        if (!missing.isEmpty()) {
            LOG.warn(
                    "barfeed stream: the server holds {} of the {} symbols asked for; not streamed: {}",
                    wanted.size() - missing.size(),
                    wanted.size(),
                    abbreviated(missing));
            state.unsubscribed(missing);
        }
        Set<String> streamed = new TreeSet<>(held);
        streamed.retainAll(wanted);
        return streamed;
    }

    private void refreshUniverse() throws IOException {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Map<String, Object> row : route.universe()) {
            ids.putIfAbsent(String.valueOf(row.get("symbol")), ((Number) row.get("stock_id")).longValue());
        }
        Set<String> added = new TreeSet<>(ids.keySet());
        added.removeAll(wanted);
        Set<String> gone = new TreeSet<>(wanted);
        gone.removeAll(ids.keySet());
        if (added.isEmpty() && gone.isEmpty()) {
            return;
        }
        stockIds = ids;
        wanted.clear();
        wanted.addAll(ids.keySet());
        sendRequest(protocol.unsubscribe(gone));
        state.unsubscribed(gone);
        sendRequest(protocol.subscribe(added));
        if (!protocol.repliesFullState()) {
            state.subscribed(added);
        }
        LOG.info(
                "barfeed stream: universe changed, subscribed {} {}, unsubscribed {} {}; {} symbols",
                added.size(),
                abbreviated(added),
                gone.size(),
                abbreviated(gone),
                wanted.size());
    }

    /**
     * Waits for the control message {@code expected} recognises; an error, the socket's end or the handshake timeout
     * end the attempt instead.
     */
    private Object await(java.util.function.Predicate<Map<String, Object>> expected, String what)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + settings.handshakeTimeout().toNanos();
        while (running) {
            if (ended.isDone()) {
                Ending end = ended.getNow(null);
                return Ending.of(end.reason(), end.detail() + " while waiting for " + what);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Ending.of(
                        "handshake-timeout",
                        "no " + what + " within " + seconds(settings.handshakeTimeout()) + " (barfeed.stream"
                                + ".handshake-timeout)");
            }
            Map<String, Object> control = controls.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
            if (control == null) {
                continue;
            }
            if (expected.test(control)) {
                return control;
            }
            if (protocol.isError(control)) {
                Ending end = error(control, true);
                if (end != null) {
                    return end;
                }
            }
        }
        return Ending.of("stopped", "the stream route stopped");
    }

    /** What an error message means for the connection; null: nothing (harmless). */
    private Ending error(Map<String, Object> control, boolean handshake) {
        String code = protocol.errorCodeOf(control);
        String text = (code + " " + protocol.errorMessageOf(control)).trim();
        return switch (protocol.meaning(code)) {
            case KEYS_REFUSED -> new Ending("refused", text, false, protocol.keysRefusedMessage() + " (" + text + ")");
            case PLAN_REFUSED -> new Ending("refused", text, false, protocol.planRefusedMessage() + " (" + text + ")");
            case CONNECTION_LIMIT ->
                new Ending(
                        "connection-limit",
                        "another client holds the account's only stream connection (" + text
                                + "): close it, or stream from one barfeed only (the profile cluster)",
                        true,
                        null);
            case HARMLESS -> {
                LOG.debug("barfeed stream: {} (harmless)", text);
                yield null;
            }
            case OTHER -> {
                if (!handshake && !code.isEmpty() && code.startsWith("4")) {
                    // A refused request (400 invalid syntax, 405 symbol limit): the connection itself is fine.
                    LOG.warn("barfeed stream: the server answered {}", text);
                    yield null;
                }
                yield Ending.of("error-" + (code.isEmpty() ? "unknown" : code), "the server sent the error " + text);
            }
        };
    }

    /** A subscribe or unsubscribe while streaming: its reply is awaited before the state is reconciled again. */
    private void sendRequest(String message) throws IOException {
        if (message != null && !message.isBlank()) {
            pendingReplies++;
            send(message);
        }
    }

    private void send(String message) throws IOException {
        if (message == null || message.isBlank()) {
            return;
        }
        try {
            socket.sendText(message, true).get(settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(describe(e.getCause() == null ? e : e.getCause()), e);
        }
    }

    /** Closes the socket: a close frame, then the socket itself, whatever the server does (it never echoes one). */
    private void close() {
        WebSocket ws = socket;
        socket = null;
        if (ws == null) {
            return;
        }
        try {
            if (!ws.isOutputClosed()) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "barfeed closing").get(1, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the socket is going anyway
        } finally {
            ws.abort();
        }
    }

    /** The frames as they come, told apart by the protocol: control messages to the session, data to the route. */
    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private long firstFragment;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long now = System.nanoTime();
            lastInbound = now;
            if (text.isEmpty()) {
                firstFragment = now;
            }
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                try {
                    frame(frame, firstFragment);
                } catch (RuntimeException | IOException e) {
                    LOG.warn("barfeed stream: a frame could not be handled: {}", describe(e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastInbound = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastInbound = System.nanoTime(); // the JDK answers with a pong itself
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastInbound = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            ended.complete(Ending.of(
                    "closed",
                    "the server closed the connection (" + statusCode + (reason.isBlank() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            ended.complete(Ending.of("lost", "the connection was lost (" + describe(error) + ")"));
        }
    }

    private void frame(String frame, long arrived) throws IOException, InterruptedException {
        List<Map<String, Object>> messages = StreamFrames.read(frame);
        List<StreamMessage> data = new ArrayList<>(messages.size());
        int bars = 0;
        Map<String, Long> ids = stockIds;
        for (Map<String, Object> fields : messages) {
            String kind = protocol.kind(fields);
            if (kind.equals("control")) {
                controls.add(fields);
            }
            String symbol = protocol.symbolOf(fields);
            if (kind.equals("bar") || kind.equals("updated-bar")) {
                bars++;
            }
            Instant time = null;
            String timeProblem = null;
            List<Object> values = List.of();
            if (kind.equals("bar") || kind.equals("updated-bar")) {
                values = protocol.values(fields);
                try {
                    time = protocol.timeOf(fields);
                    timeProblem = time == null ? "missing timestamp" : null;
                } catch (java.time.DateTimeException e) {
                    timeProblem = "unparseable timestamp (" + e.getMessage() + ")";
                }
            }
            data.add(new StreamMessage(
                    kind,
                    protocol.typeOf(fields),
                    symbol,
                    fields,
                    arrived,
                    symbol == null ? null : ids.get(symbol),
                    time,
                    timeProblem,
                    values));
        }
        meters.received(messages.size(), bars);
        if (data.size() > countControls(data)) {
            if (!streaming) {
                // Data right after the subscription, before the connection's run exists: it waits for it.
                ready.await(settings.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (streaming) {
                route.frame(data, connection);
            }
        }
    }

    private static int countControls(List<StreamMessage> messages) {
        int n = 0;
        for (StreamMessage m : messages) {
            if (m.kind().equals("control")) {
                n++;
            }
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object reply) {
        return (Map<String, Object>) reply;
    }

    private static String abbreviated(Collection<String> symbols) {
        List<String> list = new ArrayList<>(new LinkedHashSet<>(symbols));
        return list.size() <= 10 ? list.toString() : list.subList(0, 10) + " and " + (list.size() - 10) + " more";
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
