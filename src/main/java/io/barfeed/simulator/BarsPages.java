package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import io.barfeed.simulator.SimulatedMarket.Bar;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Renders one page of {@code GET /v2/stocks/bars}: the query's bars in symbol-then-time order from its page token
 * on, at most {@code limit} across symbols, split-adjusted when asked, and the token of the next bar left.
 */
final class BarsPages {

    private final SimulatedMarket market;
    private final JsonFactory json = new JsonFactory();

    BarsPages(SimulatedMarket market) {
        this.market = market;
    }

    /** Writes the page and closes {@code out}. */
    void write(BarsQuery q, OutputStream out) throws IOException {
        List<String> symbols = q.symbols();
        int count = 0;
        String nextToken = null;
        try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeObjectPropertyStart("bars");
            for (int i = q.token().symbolIndex(); i < symbols.size() && nextToken == null; i++) {
                String symbol = symbols.get(i);
                Instant from = i == q.token().symbolIndex() && q.token().from() != null
                        ? q.token().from()
                        : q.start();
                List<Bar> bars = market.bars(symbol, q.frame(), from, q.end(), q.limit() - count);
                if (!bars.isEmpty()) {
                    g.writeArrayPropertyStart(symbol);
                    for (Bar bar : bars) {
                        writeBar(g, q.splitAdjusted() ? Split.adjusted(symbol, bar) : bar);
                    }
                    g.writeEndArray();
                    count += bars.size();
                }
                if (count == q.limit()) {
                    nextToken = nextToken(
                            q,
                            i,
                            bars.isEmpty()
                                    ? from
                                    : bars.get(bars.size() - 1).t().plusSeconds(1));
                }
            }
            g.writeEndObject();
            if (nextToken == null) {
                g.writeNullProperty("next_page_token");
            } else {
                g.writeStringProperty("next_page_token", nextToken);
            }
            g.writeStringProperty("currency", "USD");
            g.writeEndObject();
        }
    }

    /** The token of the next bar after a full page, or null when no bar is left. */
    private String nextToken(BarsQuery q, int symbolIndex, Instant after) {
        List<String> symbols = q.symbols();
        for (int i = symbolIndex; i < symbols.size(); i++) {
            Instant from = i == symbolIndex ? after : q.start();
            Instant next = market.firstAtOrAfter(symbols.get(i), q.frame(), from);
            if (next != null && !next.isAfter(q.end())) {
                return new PageToken(i, next).encode();
            }
        }
        return null;
    }

    private static void writeBar(JsonGenerator g, Bar bar) throws IOException {
        g.writeStartObject();
        g.writeStringProperty("t", bar.t().toString());
        g.writeNumberProperty("o", bar.o());
        g.writeNumberProperty("h", bar.h());
        g.writeNumberProperty("l", bar.l());
        g.writeNumberProperty("c", bar.c());
        g.writeNumberProperty("v", bar.v());
        g.writeNumberProperty("n", bar.n());
        g.writeNumberProperty("vw", bar.vw());
        g.writeEndObject();
    }
}
