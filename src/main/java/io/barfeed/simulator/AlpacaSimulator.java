package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.barfeed.simulator.SimulatedMarket.Bar;
import io.barfeed.simulator.SimulatedMarket.Frame;

/**
 * The built-in stand-in for Alpaca's {@code GET /v2/stocks/bars}: multi-symbol pages ordered by
 * symbol then time, {@code limit} counted across symbols, {@code next_page_token}, the rate-limit
 * headers (and 429 past the quota), and a configurable latency. Serves loopback only.
 */
public final class AlpacaSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaSimulator.class);
    private static final int MAX_LIMIT = 10_000;

    private final SimulatedMarket market;
    private final Duration latency;
    private final int rateLimit;
    private final HttpServer server;
    private final ExecutorService workers;
    private final JsonFactory json = new JsonFactory();
    private final AtomicLong requests = new AtomicLong();
    private final RateWindow window;
    private final AtomicLong refusedForQuota = new AtomicLong();
    private final Faults faults;
    private volatile Map<Query, byte[]> renderedPages;
    private final AtomicLong pagesRendered = new AtomicLong();

    public AlpacaSimulator(SimulatedMarket market, int port, Duration latency, int rateLimitPerMinute)
            throws IOException {
        this(market, port, latency, rateLimitPerMinute, Duration.ofMinutes(1), Faults.none());
    }

    /** {@code rateLimit} requests per {@code rateWindow}: Alpaca's window is a minute; tests shorten it. */
    public AlpacaSimulator(
            SimulatedMarket market, int port, Duration latency, int rateLimit, Duration rateWindow, Faults faults)
            throws IOException {
        this.market = market;
        this.window = new RateWindow(rateWindow.toMillis());
        this.faults = faults;
        this.latency = latency;
        this.rateLimit = rateLimit;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.workers = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "alpaca-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/v2/stocks/bars", this::serve);
        server.createContext("/v1/corporate-actions", this::serveCorporateActions);
        server.start();
        LOG.info(
                "Alpaca v2 simulator serving {} (latency {} ms, {} requests per {})",
                baseUrl(),
                latency.toMillis(),
                rateLimit,
                rateWindow);
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort();
    }

    /**
     * Keep every page rendered and serve it again from memory: a remote API costs this machine no
     * CPU, so the benchmark renders its pages before the clock starts and barfeed's run is measured
     * without the simulator's work beside it.
     */
    public void keepRenderedPages() {
        renderedPages = new ConcurrentHashMap<>();
    }

    /** Pages rendered (not served from memory) since start. */
    public long pagesRendered() {
        return pagesRendered.get();
    }

    /** Faulty answers served so far, by kind. */
    public Map<Faults.Kind, Long> faultsServed() {
        return faults.served();
    }

    /** Requests refused with 429 because the quota of their window was used up (injected 429s not counted). */
    public long refusedForQuota() {
        return refusedForQuota.get();
    }

    /** Requests served since start, refused ones included. */
    public long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            requests.incrementAndGet();
            sleep(latency);
            long remaining = window.take(rateLimit);
            http.getResponseHeaders().add("X-RateLimit-Limit", Integer.toString(rateLimit));
            http.getResponseHeaders().add("X-RateLimit-Remaining", Long.toString(Math.max(remaining, 0)));
            http.getResponseHeaders().add("X-RateLimit-Reset", Long.toString(window.resetEpochSecond()));
            http.getResponseHeaders().add("Content-Type", "application/json");
            Faults.Kind fault = faults.next();
            if (remaining < 0 || fault == Faults.Kind.RATE_LIMITED) {
                if (remaining < 0) {
                    refusedForQuota.incrementAndGet();
                } else {
                    http.getResponseHeaders().set("X-RateLimit-Remaining", "0");
                    http.getResponseHeaders()
                            .set("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 1));
                }
                reply(http, 429, "{\"message\":\"too many requests.\"}");
                return;
            }
            if (fault == Faults.Kind.SERVER_ERROR) {
                reply(http, 500, "{\"message\":\"internal server error\"}");
                return;
            }
            if (fault == Faults.Kind.CONNECTION_RESET) {
                return; // closed without an answer
            }
            if (fault == Faults.Kind.SLOW) {
                sleep(faults.slowDelay());
            }
            Query query;
            try {
                query = Query.parse(http.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                reply(http, 400, "{\"message\":" + quote(e.getMessage()) + "}");
                return;
            }
            Map<Query, byte[]> rendered = renderedPages;
            if (rendered != null && fault == null) {
                byte[] page = rendered.computeIfAbsent(query, this::render);
                http.sendResponseHeaders(200, page.length);
                try (OutputStream out = http.getResponseBody()) {
                    out.write(page);
                }
                return;
            }
            http.sendResponseHeaders(200, 0);
            try (OutputStream out = http.getResponseBody()) {
                writePage(query, fault == Faults.Kind.GARBAGE ? new CutShort(out) : out);
            } catch (IOException e) {
                // the client gave up (a slow answer past its timeout) or the page was cut short on purpose
            }
        }
    }

    /**
     * {@code GET /v1/corporate-actions}: the splits the market knows of, for the symbols and types asked, whose
     * process date lies between start and end (both dates), grouped by type as Alpaca groups them. One page.
     */
    private void serveCorporateActions(HttpExchange http) throws IOException {
        try (http) {
            requests.incrementAndGet();
            List<String> symbols;
            List<String> types;
            LocalDate start;
            LocalDate end;
            try {
                Map<String, String> params = Query.params(http.getRequestURI().getRawQuery());
                symbols = Arrays.asList(params.getOrDefault("symbols", "").split(","));
                types = Arrays.asList(
                        params.getOrDefault("types", "forward_split").split(","));
                start = LocalDate.parse(
                        params.getOrDefault("start", LocalDate.now().toString()));
                end = LocalDate.parse(params.getOrDefault("end", LocalDate.now().toString()));
            } catch (RuntimeException e) {
                reply(http, 400, "{\"message\":" + quote(e.getMessage() + " in " + http.getRequestURI()) + "}");
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (JsonGenerator g = json.createGenerator(body)) {
                g.writeStartObject();
                g.writeObjectFieldStart("corporate_actions");
                if (types.contains("forward_split")) {
                    g.writeArrayFieldStart("forward_splits");
                    for (Split split : Split.KNOWN) {
                        if (symbols.contains(split.symbol())
                                && !split.exDate().isBefore(start)
                                && !split.exDate().isAfter(end)) {
                            writeSplit(g, split);
                        }
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
                g.writeNullField("next_page_token");
                g.writeEndObject();
            }
            http.getResponseHeaders().add("Content-Type", "application/json");
            reply(http, 200, body.toString(StandardCharsets.UTF_8));
        }
    }

    private static void writeSplit(JsonGenerator g, Split split) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", "sim-" + split.symbol() + "-" + split.exDate());
        g.writeStringField("symbol", split.symbol());
        g.writeNumberField("new_rate", split.newRate());
        g.writeNumberField("old_rate", split.oldRate());
        g.writeStringField("process_date", split.exDate().toString());
        g.writeStringField("ex_date", split.exDate().toString());
        g.writeStringField("record_date", split.exDate().minusDays(4).toString());
        g.writeStringField("payable_date", split.exDate().minusDays(3).toString());
        g.writeEndObject();
    }

    private byte[] render(Query q) {
        ByteArrayOutputStream page = new ByteArrayOutputStream(1 << 20);
        try {
            writePage(q, page);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render a page in memory", e);
        }
        return page.toByteArray();
    }

    /** Bars of the requested symbols ordered by symbol then time, from the page token's position. */
    private void writePage(Query q, OutputStream out) throws IOException {
        pagesRendered.incrementAndGet();
        List<String> symbols = q.symbols();
        int count = 0;
        String nextToken = null;
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("bars");
            for (int i = q.cursor().symbolIndex(); i < symbols.size() && nextToken == null; i++) {
                String symbol = symbols.get(i);
                Instant from = i == q.cursor().symbolIndex() && q.cursor().from() != null
                        ? q.cursor().from()
                        : q.start();
                List<Bar> bars = market.bars(symbol, q.frame(), from, q.end(), q.limit() - count);
                if (!bars.isEmpty()) {
                    g.writeArrayFieldStart(symbol);
                    for (Bar bar : bars) {
                        writeBar(g, q.splitAdjusted() ? SimulatedMarket.splitAdjusted(symbol, bar) : bar);
                    }
                    g.writeEndArray();
                    count += bars.size();
                }
                if (count == q.limit()) {
                    nextToken = nextToken(
                            q,
                            i,
                            bars.isEmpty()
                                    ? from
                                    : bars.get(bars.size() - 1).t().plusSeconds(1));
                }
            }
            g.writeEndObject();
            if (nextToken == null) {
                g.writeNullField("next_page_token");
            } else {
                g.writeStringField("next_page_token", nextToken);
            }
            g.writeStringField("currency", "USD");
            g.writeEndObject();
        }
    }

    /** The token of the next bar after a full page, or null when no bar is left. */
    private String nextToken(Query q, int symbolIndex, Instant after) {
        List<String> symbols = q.symbols();
        for (int i = symbolIndex; i < symbols.size(); i++) {
            Instant from = i == symbolIndex ? after : q.start();
            Instant next = market.firstAtOrAfter(symbols.get(i), q.frame(), from);
            if (next != null && !next.isAfter(q.end())) {
                return Cursor.encode(i, next);
            }
        }
        return null;
    }

    private static void writeBar(JsonGenerator g, Bar bar) throws IOException {
        g.writeStartObject();
        g.writeStringField("t", bar.t().toString());
        g.writeNumberField("o", bar.o());
        g.writeNumberField("h", bar.h());
        g.writeNumberField("l", bar.l());
        g.writeNumberField("c", bar.c());
        g.writeNumberField("v", bar.v());
        g.writeNumberField("n", bar.n());
        g.writeNumberField("vw", bar.vw());
        g.writeEndObject();
    }

    private static void reply(HttpExchange http, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A page cut short: passes the first bytes on, then stops, as a connection dropped mid-body would. */
    private static final class CutShort extends FilterOutputStream {
        private int left = 200;

        CutShort(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- > 0) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = Math.max(0, Math.min(len, left));
            out.write(b, off, n);
            left -= n;
        }
    }

    /** A fixed quota window (a minute at Alpaca), as the X-RateLimit-* headers describe it. */
    private static final class RateWindow {
        private final long millis;
        private long window;
        private long used;

        RateWindow(long millis) {
            this.millis = Math.max(1000, millis);
        }

        synchronized long take(int limit) {
            long current = System.currentTimeMillis() / millis;
            if (current != window) {
                window = current;
                used = 0;
            }
            used++;
            return limit - used;
        }

        /** X-RateLimit-Reset: the epoch second the next window starts (rounded up). */
        synchronized long resetEpochSecond() {
            return ((window + 1) * millis + 999) / 1000;
        }
    }

    /** Where a page starts: a symbol of the sorted request and the first bar time to send. */
    record Cursor(int symbolIndex, Instant from) {
        static final Cursor FIRST = new Cursor(0, null);

        static String encode(int symbolIndex, Instant from) {
            String raw = symbolIndex + ":" + from.getEpochSecond();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
                return new Cursor(Integer.parseInt(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("invalid page_token");
            }
        }
    }

    /** The parsed query string of one request. */
    record Query(
            List<String> symbols,
            Frame frame,
            Instant start,
            Instant end,
            int limit,
            Cursor cursor,
            boolean splitAdjusted) {

        static Query parse(String rawQuery) {
            Map<String, String> params = params(rawQuery);
            String symbolList = params.get("symbols");
            if (symbolList == null || symbolList.isBlank()) {
                throw new IllegalArgumentException("symbols is required");
            }
            List<String> symbols = Arrays.stream(symbolList.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .distinct()
                    .sorted()
                    .toList();
            Frame frame = Frame.parse(params.get("timeframe"));
            Instant start = time(params.get("start"), "start", Instant.parse("2016-01-01T00:00:00Z"));
            Instant end = time(params.get("end"), "end", Instant.now());
            int limit = params.containsKey("limit") ? Integer.parseInt(params.get("limit")) : 1000;
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("invalid limit: " + limit);
            }
            String token = params.get("page_token");
            Cursor cursor = token == null || token.isEmpty() ? Cursor.FIRST : Cursor.decode(token);
            String adjustment = params.getOrDefault("adjustment", "raw");
            if (!adjustment.matches("(raw|split|dividend|spin-off|all)(,(split|dividend|spin-off))*")) {
                throw new IllegalArgumentException("invalid adjustment: " + adjustment);
            }
            boolean split = adjustment.contains("split") || adjustment.equals("all");
            return new Query(symbols, frame, start, end, limit, cursor, split);
        }

        /** The query string's parameters, decoded; a parameter given twice is a 400, as at Alpaca. */
        static Map<String, String> params(String rawQuery) {
            Map<String, String> params = new HashMap<>();
            for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(key, value) != null) {
                    throw new IllegalArgumentException("parameter " + key + " given twice");
                }
            }
            return params;
        }

        private static Instant time(String value, String name, Instant absent) {
            if (value == null || value.isEmpty()) {
                return absent;
            }
            try {
                return value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("invalid " + name + ": " + value);
            }
        }
    }
}
