package io.barfeed.fetch;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The checks of {@link BarRules} for a bar that did not come on a page (a bar of the live stream): the same rules, the
 * same reasons, so a streamed bar is stored or rejected exactly as the REST bar would be. A value is a JSON number as
 * a {@link BigDecimal} (exact, as sent), anything else as it came (a string, a boolean: not a number), null when
 * absent.
 */
public final class BarCheck {

    private BarCheck() {}

    /** A bar checked: its row, or why it cannot be stored. */
    public record Checked(BarRow row, String problem) {}

    public static Checked check(
            String symbol,
            String timeframe,
            Object stockId,
            Instant t,
            Object o,
            Object h,
            Object l,
            Object c,
            Object v,
            Object n,
            Object vw) {
        RawBar bar = new RawBar();
        bar.t = t == null ? null : t.toString();
        bar.o = number(o);
        bar.h = number(h);
        bar.l = number(l);
        bar.c = number(c);
        bar.v = number(v);
        bar.n = number(n);
        bar.vw = number(vw);
        String problem = BarRules.problemOf(bar);
        if (problem != null) {
            return new Checked(null, problem + " in bar " + bar);
        }
        return new Checked(
                new BarRow(
                        symbol,
                        timeframe,
                        t,
                        stockId,
                        (String) bar.o,
                        (String) bar.h,
                        (String) bar.l,
                        (String) bar.c,
                        bar.volume,
                        bar.tradeCount,
                        (String) bar.vw),
                null);
    }

    /** A value as a page reader hands it to the rules: a number's text, or not a number. */
    private static Object number(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : RawBar.NOT_A_NUMBER;
    }
}
