package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client of the {@link WebSocketServer}: what it asked for (path, headers), what the server sends it, and how
 * it can fail as real servers do: fall silent (no pong, no frame: the dead socket a client must notice), or vanish
 * without a close frame (Alpaca never sends one: every close is seen as 1006).
 */
public final class WebSocketConnection {

    private final Socket socket;
    private final String path;
    private final Map<String, String> headers;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final AtomicInteger pings = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean closed;

    WebSocketConnection(Socket socket, String path, Map<String, String> headers) {
        this.socket = socket;
        this.path = path;
        this.headers = Map.copyOf(headers);
    }

    public String path() {
        return path;
    }

    /** A request header of the upgrade, by its lower-case name; null when absent. */
    public String header(String name) {
        return headers.get(name);
    }

    /** What a handler keeps about this connection (its authentication, its subscriptions). */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** Sends a text message in one frame; a connection gone or silent sends nothing. */
    public void send(String text) {
        sendFragments(text, 1);
    }

    /** Sends a text message in {@code fragments} frames (a continuation for each after the first). */
    public void sendFragments(String text, int fragments) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int size = Math.max(1, (bytes.length + fragments - 1) / Math.max(1, fragments));
        int from = 0;
        boolean first = true;
        do {
            int to = Math.min(bytes.length, from + size);
            frame(first ? 0x1 : 0x0, to >= bytes.length, bytes, from, to - from);
            first = false;
            from = to;
        } while (from < bytes.length);
    }

    /** Sends a ping, as Alpaca's server does every ~54 s. */
    public void ping() {
        byte[] payload = "sim".getBytes(StandardCharsets.US_ASCII);
        frame(0x9, true, payload, 0, payload.length);
    }

    /** From now on nothing is sent, pings go unanswered, the socket stays open: a dead connection that looks open. */
    public void fallSilent() {
        silent = true;
    }

    /** Pings the client sent so far. */
    public int pingsReceived() {
        return pings.get();
    }

    /** Ends the connection without a close frame, as a network failure does. */
    public void abort() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }

    public boolean isOpen() {
        return !closed && !socket.isClosed();
    }

    void pinged(byte[] payload) {
        pings.incrementAndGet();
        frame(0xA, true, payload, 0, payload.length);
    }

    void ponged() {
        // a client's answer to our ping: nothing to do
    }

    void closeReceived() {
        frame(0x8, true, new byte[0], 0, 0);
        abort();
    }

    private void frame(int opcode, boolean fin, byte[] bytes, int offset, int length) {
        if (silent || closed) {
            return;
        }
        byte[] header;
        if (length < 126) {
            header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), (byte) length};
        } else if (length < 65536) {
            header = new byte[] {(byte) ((fin ? 0x80 : 0) | opcode), 126, (byte) (length >> 8), (byte) length};
        } else {
            header = new byte[10];
            header[0] = (byte) ((fin ? 0x80 : 0) | opcode);
            header[1] = 127;
            for (int i = 0; i < 8; i++) {
                header[9 - i] = (byte) ((long) length >> (8 * i));
            }
        }
        synchronized (this) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(header);
                out.write(bytes, offset, length);
                out.flush();
            } catch (IOException e) {
                abort();
            }
        }
    }

    @Override
    public String toString() {
        return "WebSocketConnection[" + path + "]";
    }
}
