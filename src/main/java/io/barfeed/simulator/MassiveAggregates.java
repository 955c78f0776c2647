package io.barfeed.simulator;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/**
 * Massive's {@code GET /v2/aggs/ticker/...}: the page of the query, 400 for a query Massive refuses; errors in
 * Massive's form, {@code {"status":"ERROR","request_id":"...","error":"..."}}; no rate-limit headers.
 */
final class MassiveAggregates implements PageServer {

    private final RenderedPages<AggregatesQuery> pages;

    MassiveAggregates(RenderedPages<AggregatesQuery> pages) {
        this.pages = pages;
    }

    @Override
    public void page(HttpExchange http, boolean cutShort) throws IOException {
        AggregatesQuery query;
        try {
            String host = http.getRequestHeaders().getFirst("Host");
            query = AggregatesQuery.parse(
                    "http://" + host,
                    http.getRequestURI().getRawPath(),
                    http.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            error(http, 400, e.getMessage());
            return;
        }
        pages.send(http, query, cutShort);
    }

    @Override
    public void error(HttpExchange http, int status, String message) throws IOException {
        JsonReply.send(http, status, JsonReply.object("status", "ERROR", "request_id", "simulated", "error", message));
    }

    @Override
    public boolean reportsQuota() {
        return false;
    }
}
