package io.barfeed.simulator;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/** Alpaca's {@code GET /v2/stocks/bars}: the page of the query, 400 for a query Alpaca refuses. */
final class AlpacaBars implements PageServer {

    private final RenderedPages<BarsQuery> pages;

    AlpacaBars(RenderedPages<BarsQuery> pages) {
        this.pages = pages;
    }

    @Override
    public void page(HttpExchange http, boolean cutShort) throws IOException {
        BarsQuery query;
        try {
            query = BarsQuery.parse(http.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            error(http, 400, e.getMessage());
            return;
        }
        pages.send(http, query, cutShort);
    }

    /** Alpaca's errors: {@code {"message":"..."}}. */
    @Override
    public void error(HttpExchange http, int status, String message) throws IOException {
        JsonReply.message(http, status, message);
    }

    @Override
    public boolean reportsQuota() {
        return true;
    }
}
