package io.barfeed.plan;

import java.time.Instant;

/** Bars of one symbol from one bar start time to another, both included. */
public record SymbolRange(String symbol, Instant from, Instant to) {}
