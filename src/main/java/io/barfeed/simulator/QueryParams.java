package io.barfeed.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A request's query string decoded into its parameters. */
final class QueryParams {

    private QueryParams() {}

    /** The parameters of a raw query string (null for none); a parameter given twice is a 400, as at Alpaca. */
    static Map<String, String> parse(String rawQuery) {
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
}
