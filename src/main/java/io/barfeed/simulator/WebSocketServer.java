package io.barfeed.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small WebSocket server (RFC 6455: the upgrade, text frames joined from fragments, ping, pong, close) on loopback
 * only, for the simulator's live streams and the tests' stream stubs. The JDK has a WebSocket client but no server,
 * and a servlet container for one loopback socket would be more than the simulator itself. One thread per
 * connection reads; writes are serialized per connection.
 */
public final class WebSocketServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketServer.class);
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What a path serves: told of each connection's start, its text messages and its end. */
    public interface Handler {
        void opened(WebSocketConnection connection);

        void text(WebSocketConnection connection, String text);

        default void closed(WebSocketConnection connection) {}
    }

    private final ServerSocket server;
    private final Function<String, Handler> handlers;
    private final List<WebSocketConnection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean open = true;

    /** {@code handlers} gives the handler of a request's path, or null: that path answers 404. */
    public WebSocketServer(int port, Function<String, Handler> handlers) throws IOException {
        this.server = new ServerSocket(port, 64, InetAddress.getLoopbackAddress());
        this.handlers = handlers;
        this.acceptor = new Thread(this::accept, "websocket-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code ws://127.0.0.1:port}, the root of every path served. */
    public String baseUrl() {
        return "ws://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** The connections open now. */
    public List<WebSocketConnection> connections() {
        return List.copyOf(connections);
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        connections.forEach(WebSocketConnection::abort);
    }

    private void accept() {
        while (open) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread reader = new Thread(() -> serve(socket), "websocket-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                if (open) {
                    LOG.debug("WebSocket server: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        WebSocketConnection connection = null;
        Handler handler = null;
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            Map<String, String> request = upgradeRequest(in);
            String path = request.getOrDefault(":path", "/");
            handler = handlers.apply(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
            String key = request.get("sec-websocket-key");
            if (handler == null || key == null) {
                socket.getOutputStream()
                        .write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            socket.getOutputStream()
                    .write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                    + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            connection = new WebSocketConnection(socket, path, request);
            connections.add(connection);
            handler.opened(connection);
            read(in, connection, handler);
        } catch (IOException e) {
            LOG.debug("WebSocket connection ended: {}", e.getMessage());
        } finally {
            if (connection != null) {
                connections.remove(connection);
                connection.abort();
                handler.closed(connection);
            }
        }
    }

    /** Reads frames until the connection ends; a message in fragments is handed on whole. */
    private static void read(InputStream in, WebSocketConnection connection, Handler handler) throws IOException {
        StringBuilder message = new StringBuilder();
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return;
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (in.read() << 8) | in.read();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | in.read();
                }
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) length);
            if (payload.length < length) {
                return;
            }
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.append(new String(payload, StandardCharsets.UTF_8));
                    if (fin) {
                        String text = message.toString();
                        message.setLength(0);
                        handler.text(connection, text);
                    }
                }
                case 0x8 -> {
                    connection.closeReceived();
                    return;
                }
                case 0x9 -> connection.pinged(payload);
                case 0xA -> connection.ponged();
                default -> {
                    // binary frames: no provider of ours sends them
                }
            }
        }
    }

    private static Map<String, String> upgradeRequest(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String requestLine = line(in);
        String[] parts = requestLine.split(" ");
        headers.put(":path", parts.length > 1 ? parts[1] : "/");
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new SocketException("the connection ended in its upgrade request");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static String accept(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }
}
