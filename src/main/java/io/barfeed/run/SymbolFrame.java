package io.barfeed.run;

/** A symbol in one timeframe: the unit that loads completely or fails. */
public record SymbolFrame(String symbol, String timeframe) {}
