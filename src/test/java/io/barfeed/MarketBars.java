package io.barfeed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import io.barfeed.simulator.SimulatedMarket;
import io.barfeed.simulator.SimulatedMarket.Frame;

/** The simulated market's bars as the bars table should hold them, and the table's rows in the same form. */
final class MarketBars {

    private MarketBars() {}

    /** The market's raw bars of {@code symbols} in a timeframe from {@code start} to {@code until}, in table order. */
    static List<String> of(List<String> symbols, String timeframe, Instant start, Instant until) {
        SimulatedMarket market = new SimulatedMarket(Set.of());
        List<String> expected = new ArrayList<>();
        for (String symbol : symbols.stream().sorted().toList()) {
            for (SimulatedMarket.Bar b : market.bars(symbol, Frame.parse(timeframe), start, until, Integer.MAX_VALUE)) {
                expected.add(String.join(
                        " ",
                        symbol,
                        timeframe,
                        b.t().toString(),
                        b.o().toPlainString(),
                        b.h().toPlainString(),
                        b.l().toPlainString(),
                        b.c().toPlainString(),
                        Long.toString(b.v()),
                        Long.toString(b.n()),
                        b.vw().toPlainString()));
            }
        }
        return expected;
    }

    /** The bars table's rows, in symbol and time order, in the form of {@link #of}. */
    static List<String> stored(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT concat_ws(' ', symbol, timeframe, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                                 open, high, low, close, volume, trade_count, vwap)
                FROM bar ORDER BY symbol, timeframe, ts""", String.class);
    }
}
