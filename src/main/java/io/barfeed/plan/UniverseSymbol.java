package io.barfeed.plan;

import java.time.Instant;

/** One row of the universe query: the symbol to load and where its stored bars end (null: none yet). */
public record UniverseSymbol(long stockId, String symbol, Instant since) {}
