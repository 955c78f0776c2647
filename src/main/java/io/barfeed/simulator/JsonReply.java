package io.barfeed.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import com.sun.net.httpserver.HttpExchange;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Sends a whole JSON answer at once, its length known; errors in Alpaca's form, {@code {"message":"..."}}. */
final class JsonReply {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonReply() {}

    static void send(HttpExchange http, int status, byte[] body) throws IOException {
        http.sendResponseHeaders(status, body.length);
        try (OutputStream out = http.getResponseBody()) {
            out.write(body);
        }
    }

    static void message(HttpExchange http, int status, String message) throws IOException {
        send(http, status, object("message", message));
    }

    /** A JSON object of text fields, given as name, value, name, value... */
    static byte[] object(String... namesAndValues) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                g.writeStringProperty(namesAndValues[i], namesAndValues[i + 1]);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
