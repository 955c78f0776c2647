package io.barfeed.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a value is in a page, as a route file writes it: a JSON Pointer ({@code /chart/result/0},
 * {@code /Meta Data/6. Time Zone}; {@code ""} or {@code /} is the page itself), a path relative to where the bars
 * are ({@code indicators/quote/0/open}), or one field's name ({@code 1. open}, {@code next_page_token}). A segment
 * matches an object's field of that name or an array's element at that index; a {@code *} in a segment matches any
 * characters ({@code /Time Series*}). As in JSON Pointer, {@code ~1} is a {@code /} and {@code ~0} a {@code ~} in a
 * name.
 */
public record JsonPath(String text, List<String> segments) {

    public JsonPath {
        segments = List.copyOf(segments);
    }

    /** The path a setting writes; null for none. */
    public static JsonPath of(String text) {
        if (text == null) {
            return null;
        }
        String path = text.startsWith("/") ? text.substring(1) : text;
        List<String> segments = new ArrayList<>();
        if (!path.isEmpty()) {
            for (String segment : path.split("/", -1)) {
                segments.add(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return new JsonPath(text, segments);
    }

    /** This path, then {@code relative}'s segments. */
    public JsonPath then(JsonPath relative) {
        List<String> all = new ArrayList<>(segments);
        all.addAll(relative.segments);
        return new JsonPath(text.isEmpty() ? relative.text : text + "/" + relative.text, all);
    }

    /** Whether a segment matches names by its {@code *}s. */
    static boolean isGlob(String segment) {
        return segment.indexOf('*') >= 0;
    }

    /** A segment with {@code *}s as a pattern of whole names. */
    static Pattern glob(String segment) {
        List<String> parts = new ArrayList<>();
        for (String part : segment.split("\\*", -1)) {
            parts.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "/" : text;
    }
}
