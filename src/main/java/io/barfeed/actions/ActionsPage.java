package io.barfeed.actions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One page of corporate actions: rows for barfeed.corporate_action, and the next page's token (null: the last). */
public record ActionsPage(List<Map<String, Object>> rows, String nextPageToken) {

    public ActionsPage {
        rows = List.copyOf(rows);
    }

    /** {@code &name=token} for the page after this one, as a query parameter called {@code name}; "" on the last. */
    public String param(String name) {
        return nextPageToken == null ? "" : "&" + name + "=" + URLEncoder.encode(nextPageToken, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ActionsPage[" + rows.size() + " actions, next_page_token=" + nextPageToken + "]";
    }
}
