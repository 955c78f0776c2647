package io.barfeed.reference;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.barfeed.fetch.ErrorPage;
import io.barfeed.fetch.JsonPath;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads one symbol's reference object (a company's profile, a ticker's details) from a provider's answer, told by
 * its route file where the object is ({@code record}: a path, "" for the answer itself) and which values make the
 * answer an error page ({@code errors}, as {@link io.barfeed.fetch.JsonBarsReader}'s). The object's fields become
 * the insert's parameters by name, as text; a nested object's fields are named {@code parent_child}; an array is its
 * JSON. An answer of a few kilobytes: it is read as a tree. No object, null or {} at the path: nothing for the symbol.
 */
public class JsonRecordReader {

    private final ObjectMapper json = new ObjectMapper();

    private JsonPath record = JsonPath.of("");
    private List<JsonPath> errorPaths = List.of();
    private List<String> errorValues = List.of();

    /** Where the object is: a path into the answer, a field's name, or "" for the answer itself. */
    public void setRecord(String record) {
        this.record = JsonPath.of(record == null ? "" : record);
    }

    /** Paths whose value makes the answer an error page, separated by commas; "path=value" when only that value. */
    public void setErrors(String errors) {
        List<String> rules = errors == null || errors.isBlank()
                ? List.of()
                : Arrays.stream(errors.split(","))
                        .map(String::strip)
                        .filter(e -> !e.isEmpty())
                        .toList();
        this.errorPaths = rules.stream()
                .map(rule -> JsonPath.of(rule.contains("=") ? rule.substring(0, rule.indexOf('=')) : rule))
                .toList();
        this.errorValues = rules.stream()
                .map(rule -> rule.contains("=") ? rule.substring(rule.indexOf('=') + 1) : null)
                .toList();
    }

    public ReferenceRecord read(InputStream body) throws IOException {
        JsonNode answer;
        try (InputStream in = body) {
            answer = json.readTree(in);
        } catch (JacksonException e) {
            throw new IOException("malformed reference answer: " + e.getMessage(), e);
        }
        if (answer == null || answer.isMissingNode()) {
            throw new IOException("malformed reference answer: it is empty");
        }
        for (int i = 0; i < errorPaths.size(); i++) {
            JsonNode value = at(answer, errorPaths.get(i));
            if (value != null
                    && !value.isNull()
                    && (errorValues.get(i) == null || errorValues.get(i).equals(text(value)))) {
                throw new ErrorPage(errorPaths.get(i).toString(), text(value));
            }
        }
        JsonNode object = at(answer, record);
        if (object == null || object.isNull() || object.isObject() && object.isEmpty()) {
            return ReferenceRecord.none();
        }
        if (!object.isObject()) {
            throw new IOException(
                    "malformed reference answer: " + record + " is not an object but " + object.getNodeType());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", object, fields);
        return new ReferenceRecord(fields, object.toString());
    }

    private static void flatten(String prefix, JsonNode object, Map<String, String> into) {
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name + "_", value, into);
            } else {
                into.put(name, value.isNull() ? null : text(value));
            }
        }
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** The node at {@code path}, or null. */
    private static JsonNode at(JsonNode root, JsonPath path) {
        JsonNode node = root;
        for (String segment : path.segments()) {
            if (node.isArray()) {
                try {
                    node = node.get(Integer.parseInt(segment));
                } catch (NumberFormatException e) {
                    return null;
                }
            } else if (node.isObject()) {
                node = node.get(segment);
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return "JsonRecordReader[record=" + record + "]";
    }
}
