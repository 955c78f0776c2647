package io.barfeed.stream;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one text frame of a stream: a JSON array of objects (several messages in one frame, as Alpaca and Massive
 * batch them), or a lone object. Numbers stay exact ({@link BigDecimal}, the decimal text as sent), strings and
 * booleans as they are, arrays as lists; no tree of the frame is built beyond each message's fields.
 */
final class StreamFrames {

    private static final JsonFactory JSON = new JsonFactory();

    private StreamFrames() {}

    /** The frame's messages, each as its fields; a frame that is not JSON fails with its first bytes named. */
    static List<Map<String, Object>> read(String frame) throws IOException {
        List<Map<String, Object>> messages = new ArrayList<>();
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), frame)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                messages.add(object(p));
            } else if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    messages.add(object(p));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw new IOException("stream frame: an array of objects expected, found " + p.currentToken());
                }
            } else {
                throw new IOException("stream frame: JSON array expected, found " + first);
            }
        } catch (JacksonException e) {
            throw new IOException(
                    "stream frame is not JSON (" + e.getOriginalMessage() + "): "
                            + frame.substring(0, Math.min(frame.length(), 200)),
                    e);
        }
        return messages;
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            fields.put(name, value(p, p.nextToken()));
        }
        return fields;
    }

    private static Object value(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(p.getString());
            case VALUE_STRING -> p.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(value(p, t));
                }
                yield items;
            }
            case START_OBJECT -> object(p);
            default -> null;
        };
    }
}
