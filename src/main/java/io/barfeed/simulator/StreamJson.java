package io.barfeed.simulator;

import java.util.Collection;
import java.util.stream.Collectors;

/** How the simulator's Alpaca stream writes a bar message and a list of symbols, as Alpaca's stream does. */
final class StreamJson {

    private StreamJson() {}

    /** {@code {"T":"b","S":"NVDA","o":...,"h","l","c","v","t":"2026-09-16T14:01:00Z","n","vw"}}. */
    static String bar(String type, String symbol, SimulatedMarket.Bar bar) {
        return "{\"T\":\"" + type + "\",\"S\":\"" + symbol + "\",\"o\":"
                + bar.o().toPlainString() + ",\"h\":"
                + bar.h().toPlainString() + ",\"l\":" + bar.l().toPlainString() + ",\"c\":"
                + bar.c().toPlainString() + ",\"v\":" + bar.v() + ",\"t\":\"" + bar.t() + "\",\"n\":" + bar.n()
                + ",\"vw\":" + bar.vw().toPlainString() + "}";
    }

    /** A JSON array of the symbols, in their order. */
    static String symbols(Collection<String> symbols) {
        return symbols.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
    }
}
