package io.barfeed.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.barfeed.simulator.SimulatedMarket.Bar;

/**
 * A stock split the simulated market knows of: from its ex-date on, one old share is new/old shares. Raw bars
 * before it trade at the pre-split price; adjusted ones are divided as Alpaca divides them (prices rounded to
 * cents, volumes multiplied, trade counts kept).
 */
record Split(String symbol, LocalDate exDate, int oldRate, int newRate) {

    /** The one split the simulator knows of: NVDA's 10-for-1 of June 2024, as it really happened. */
    static final List<Split> KNOWN = List.of(new Split("NVDA", LocalDate.parse("2024-06-10"), 1, 10));

    /** The bar as split-adjusted bars show it: every later split of its symbol applied. */
    static Bar adjusted(String symbol, Bar raw) {
        Bar bar = raw;
        for (Split split : KNOWN) {
            if (split.before(symbol, raw.t())) {
                bar = split.adjust(bar);
            }
        }
        return bar;
    }

    /** Whether a bar of {@code symbol} at {@code t} trades before this split. */
    boolean before(String symbol, Instant t) {
        return this.symbol.equals(symbol)
                && t.atZone(SimulatedMarket.NEW_YORK).toLocalDate().isBefore(exDate);
    }

    /** A raw bar before the split, as split-adjusted bars show it. */
    Bar adjust(Bar raw) {
        return new Bar(
                raw.t(),
                price(raw.o()),
                price(raw.h()),
                price(raw.l()),
                price(raw.c()),
                BigDecimal.valueOf(raw.v())
                        .multiply(BigDecimal.valueOf(newRate))
                        .divide(BigDecimal.valueOf(oldRate), 0, RoundingMode.HALF_UP)
                        .longValueExact(),
                raw.n(),
                price(raw.vw()));
    }

    private BigDecimal price(BigDecimal raw) {
        return raw.multiply(BigDecimal.valueOf(oldRate)).divide(BigDecimal.valueOf(newRate), 2, RoundingMode.HALF_UP);
    }
}
