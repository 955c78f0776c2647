package io.barfeed.simulator;

import java.io.IOException;

import com.sun.net.httpserver.HttpExchange;

/** One provider's endpoint of bars, as {@link ApiEndpoint} serves it: its pages and its way of saying no. */
interface PageServer {

    /** Serves the page the request asks for (cut short on purpose when {@code cutShort}), or refuses its query. */
    void page(HttpExchange http, boolean cutShort) throws IOException;

    /** An error answer in the provider's form. */
    void error(HttpExchange http, int status, String message) throws IOException;

    /** Whether the provider reports its quota in X-RateLimit-* headers (Alpaca does; Massive does not). */
    boolean reportsQuota();
}
