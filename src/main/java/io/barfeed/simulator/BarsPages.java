package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.barfeed.simulator.SimulatedMarket.Bar;

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
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("bars");
            for (int i = q.token().symbolIndex(); i < symbols.size() && nextToken == null; i++) {
                String symbol = symbols.get(i);
                Instant from = i == q.token().symbolIndex() && q.token().from() != null
                        ? q.token().from()
                        : q.start();
                List<Bar> bars = market.bars(symbol, q.frame(), from, q.end(), q.limit() - count);
                if (!bars.isEmpty()) {
                    g.writeArrayFieldStart(symbol);
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
                g.writeNullField("next_page_token");
            } else {
                g.writeStringField("next_page_token", nextToken);
            }
            g.writeStringField("currency", "USD");
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
        g.writeStringField("t", bar.t().toString());
        g.writeNumberField("o", bar.o());
        g.writeNumberField("h", bar.h());
        g.writeNumberField("l", bar.l());
        g.writeNumberField("c", bar.c());
        g.writeNumberField("v", bar.v());
        g.writeNumberField("n", bar.n());
        g.writeNumberField("vw", bar.vw());
        g.writeEndObject();
    }
}
