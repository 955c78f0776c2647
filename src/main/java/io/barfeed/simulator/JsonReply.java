package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/** Sends a whole JSON answer at once, its length known; errors in Alpaca's form, {@code {"message":"..."}}. */
final class JsonReply {

    private JsonReply() {}

    static void send(HttpExchange http, int status, byte[] body) throws IOException {
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    static void message(HttpExchange http, int status, String message) throws IOException {
        String quoted = "\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        send(http, status, ("{\"message\":" + quoted + "}").getBytes(StandardCharsets.UTF_8));
    }
}
