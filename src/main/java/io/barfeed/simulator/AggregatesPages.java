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
 * Renders one page of Massive's aggregates: the ticker's bars from the cursor on, at most {@code limit},
 * split-adjusted unless {@code adjusted=false}, and the next page's URL while bars are left. No bars: no
 * {@code results} field at all (an unknown ticker answers so too). Volumes are written as doubles
 * ({@code 7.0790813E7}), as Massive's JSON has them.
 */
final class AggregatesPages {

    private final SimulatedMarket market;
    private final JsonFactory json = new JsonFactory();

    AggregatesPages(SimulatedMarket market) {
        this.market = market;
    }

    /** Writes the page and closes {@code out}. */
    void write(AggregatesQuery q, OutputStream out) throws IOException {
        List<Bar> bars = market.bars(q.ticker(), q.frame(), q.start(), q.to(), q.limit());
        try (JsonGenerator g = json.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeStringProperty("ticker", q.ticker());
            g.writeNumberProperty("queryCount", bars.size());
            g.writeNumberProperty("resultsCount", bars.size());
            g.writeBooleanProperty("adjusted", q.adjusted());
            if (!bars.isEmpty()) {
                g.writeArrayPropertyStart("results");
                for (Bar bar : bars) {
                    writeBar(g, q.adjusted() ? Split.adjusted(q.ticker(), bar) : bar);
                }
                g.writeEndArray();
            }
            g.writeStringProperty("status", "OK");
            g.writeStringProperty("request_id", Integer.toHexString(q.hashCode()));
            g.writeNumberProperty("count", bars.size());
            if (bars.size() == q.limit()) {
                Instant next = market.firstAtOrAfter(
                        q.ticker(), q.frame(), bars.get(bars.size() - 1).t().plusSeconds(1));
                if (next != null && !next.isAfter(q.to())) {
                    g.writeStringProperty("next_url", q.nextUrl(next));
                }
            }
            g.writeEndObject();
        }
    }

    private static void writeBar(JsonGenerator g, Bar bar) throws IOException {
        g.writeStartObject();
        g.writeNumberProperty("v", (double) bar.v());
        g.writeNumberProperty("vw", bar.vw());
        g.writeNumberProperty("o", bar.o());
        g.writeNumberProperty("c", bar.c());
        g.writeNumberProperty("h", bar.h());
        g.writeNumberProperty("l", bar.l());
        g.writeNumberProperty("t", bar.t().toEpochMilli());
        g.writeNumberProperty("n", bar.n());
        g.writeEndObject();
    }
}
