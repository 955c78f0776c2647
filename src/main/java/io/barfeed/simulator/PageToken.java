package io.barfeed.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page starts, as {@code page_token} carries it: a symbol of the sorted query and its first bar time. */
record PageToken(int symbolIndex, Instant from) {

    /** The first page: the first symbol, from the query's start. */
    static final PageToken FIRST = new PageToken(0, null);

    /** The token as sent: opaque to clients, as Alpaca's are. */
    String encode() {
        String raw = symbolIndex + ":" + from.getEpochSecond();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            return new PageToken(Integer.parseInt(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1])));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid page_token");
        }
    }
}
