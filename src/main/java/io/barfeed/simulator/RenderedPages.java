package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * Sends the pages of one endpoint: streamed as they are rendered, or, once asked to keep them, from memory after
 * their first rendering (a remote API costs this machine no CPU: the benchmark renders its pages before the clock
 * starts).
 *
 * @param <Q> a query, equal for equal pages
 */
final class RenderedPages<Q> {

    /** Renders the page of a query and closes {@code out}. */
    interface Renderer<Q> {
        void write(Q query, OutputStream out) throws IOException;
    }

    private final Renderer<Q> renderer;
    private final AtomicLong rendered;
    private volatile Map<Q, byte[]> kept;

    /** {@code rendered} counts the pages rendered, shared by the simulator's endpoints. */
    RenderedPages(Renderer<Q> renderer, AtomicLong rendered) {
        this.renderer = renderer;
        this.rendered = rendered;
    }

    /** From now on, keep every page rendered. */
    void keep() {
        kept = new ConcurrentHashMap<>();
    }

    /** Sends the page of {@code query} with status 200, cut short on purpose when {@code cutShort}. */
    void send(HttpExchange http, Q query, boolean cutShort) throws IOException {
        Map<Q, byte[]> kept = this.kept;
        if (kept != null && !cutShort) {
            JsonReply.send(http, 200, kept.computeIfAbsent(query, this::inMemory));
            return;
        }
        http.sendResponseHeaders(200, 0);
        try (OutputStream out = http.getResponseBody()) {
            render(query, cutShort ? new CutShortStream(out) : out);
        } catch (IOException e) {
            // the client gave up (a slow answer past its timeout) or the page was cut short on purpose
        }
    }

    private byte[] inMemory(Q query) {
        ByteArrayOutputStream page = new ByteArrayOutputStream(1 << 20);
        try {
            render(query, page);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render a page in memory", e);
        }
        return page.toByteArray();
    }

    private void render(Q query, OutputStream out) throws IOException {
        rendered.incrementAndGet();
        renderer.write(query, out);
    }
}
