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
    // v and n as read by BarRules, which checks them.
    long volume;
    Long tradeCount;

    void clear() {
        t = null;
        o = h = l = c = v = n = vw = null;
        tradeCount = null;
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
