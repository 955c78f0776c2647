package io.barfeed.fetch;

/**
 * The fields of one bar as a page sent them, in a scratch object reused for every bar of a page: a number's text as
 * sent (prices stay text: exact, and cheaper than a BigDecimal per value), {@link #NOT_A_NUMBER} for a value of
 * another kind (a string, NaN, an object), null when absent. {@link BarRules} reads v and n into numbers.
 */
final class RawBar {

    static final Object NOT_A_NUMBER = new Object() {
        @Override
        public String toString() {
            return "(not a number)";
        }
    };

    /** The bar's time as written: RFC 3339 text or epoch digits. */
    String t;

    Object o;
    Object h;
    Object l;
    Object c;
    Object v;
    Object n;
    Object vw;
    // v and n as read by BarRules, which checks them; no volume where the provider leaves it out.
    long volume;
    boolean noVolume;
    Long tradeCount;
    /** The fields the page wrote as null, one bit each in the reader's order (t o h l c v n vw). */
    int nulls;

    void clear() {
        t = null;
        o = h = l = c = v = n = vw = null;
        tradeCount = null;
        noVolume = false;
        nulls = 0;
    }

    /** A copy that outlives the page's scratch bar. */
    RawBar copy() {
        RawBar copy = new RawBar();
        copy.t = t;
        copy.o = o;
        copy.h = h;
        copy.l = l;
        copy.c = c;
        copy.v = v;
        copy.n = n;
        copy.vw = vw;
        copy.nulls = nulls;
        return copy;
    }

    /** The price named by its usual letter: o, h, l or c. */
    Object price(char name) {
        return switch (name) {
            case 'o' -> o;
            case 'h' -> h;
            case 'l' -> l;
            default -> c;
        };
    }

    @Override
    public String toString() {
        return "{t=" + t + ", o=" + o + ", h=" + h + ", l=" + l + ", c=" + c + ", v=" + v + ", n=" + n + ", vw=" + vw
                + "}";
    }
}
