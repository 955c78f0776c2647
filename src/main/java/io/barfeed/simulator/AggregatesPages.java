package io.barfeed.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.barfeed.simulator.SimulatedMarket.Bar;

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
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("ticker", q.ticker());
            g.writeNumberField("queryCount", bars.size());
            g.writeNumberField("resultsCount", bars.size());
            g.writeBooleanField("adjusted", q.adjusted());
            if (!bars.isEmpty()) {
                g.writeArrayFieldStart("results");
                for (Bar bar : bars) {
                    writeBar(g, q.adjusted() ? Split.adjusted(q.ticker(), bar) : bar);
                }
                g.writeEndArray();
            }
            g.writeStringField("status", "OK");
            g.writeStringField("request_id", Integer.toHexString(q.hashCode()));
            g.writeNumberField("count", bars.size());
            if (bars.size() == q.limit()) {
                Instant next = market.firstAtOrAfter(
                        q.ticker(), q.frame(), bars.get(bars.size() - 1).t().plusSeconds(1));
                if (next != null && !next.isAfter(q.to())) {
                    g.writeStringField("next_url", q.nextUrl(next));
                }
            }
            g.writeEndObject();
        }
    }

    private static void writeBar(JsonGenerator g, Bar bar) throws IOException {
        g.writeStartObject();
        g.writeNumberField("v", (double) bar.v());
        g.writeNumberField("vw", bar.vw());
        g.writeNumberField("o", bar.o());
        g.writeNumberField("c", bar.c());
        g.writeNumberField("h", bar.h());
        g.writeNumberField("l", bar.l());
        g.writeNumberField("t", bar.t().toEpochMilli());
        g.writeNumberField("n", bar.n());
        g.writeEndObject();
    }
}
