package io.barfeed.fetch;

import java.math.BigDecimal;

/** What makes a bar unstorable; reads v and n into the bar on the way. */
final class BarRules {
    private static final char[] PRICES = {'o', 'h', 'l', 'c'};

    private BarRules() {}

    static String problemOf(RawBar bar) {
        return problemOf(bar, true);
    }

    /** Why the bar cannot be stored, or null; without {@code volumeRequired} a bar may have no volume. */
    static String problemOf(RawBar bar, boolean volumeRequired) {
        if (bar.t == null) {
            return "missing timestamp t";
        }
        for (char price : PRICES) {
            Object value = bar.price(price);
            if (!(value instanceof String decimal)) {
                return value == null ? "missing price " + price : "price " + price + " is not a number";
            }
            if (negative(decimal)) {
                return "negative price " + price;
            }
        }
        if (bar.v == null && !volumeRequired) {
            bar.noVolume = true;
        } else if (!(bar.v instanceof String v)) {
            return "missing or non-numeric volume v";
        } else {
            bar.volume = wholeNumber(v);
            if (bar.volume < 0) {
                return "volume v is not a non-negative whole number below 2^63";
            }
        }
        if (bar.n != null) {
            long count = bar.n instanceof String n ? wholeNumber(n) : -1;
            if (count < 0) {
                return "trade count n is not a non-negative whole number below 2^63";
            }
            bar.tradeCount = count;
        }
        if (bar.vw != null && (!(bar.vw instanceof String vw) || negative(vw))) {
            return "vwap vw is not a non-negative number";
        }
        if (compare((String) bar.h, (String) bar.l) < 0) {
            return "high below low";
        }
        return null;
    }

    /** A JSON number's text below zero ("-0.0" is not). */
    static boolean negative(String number) {
        if (number.charAt(0) != '-') {
            return false;
        }
        for (int i = 1; i < number.length(); i++) {
            char ch = number.charAt(i);
            if (ch == 'e' || ch == 'E') {
                break;
            }
            if (ch >= '1' && ch <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The value of a JSON number's text that is a whole number in 0..Long.MAX_VALUE, else -1. */
    static long wholeNumber(String number) {
        if (number.length() <= 18 && plainDigits(number)) {
            return Long.parseLong(number); // the usual form, without a BigDecimal
        }
        BigDecimal value = new BigDecimal(number);
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0 || value.compareTo(LONG_MAX) > 0) {
            return -1;
        }
        return value.longValueExact();
    }

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private static boolean plainDigits(String number) {
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Compares two JSON numbers' values; doubles decide unless they cannot tell the two apart. */
    static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int byDouble = Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        return byDouble != 0 ? byDouble : new BigDecimal(a).compareTo(new BigDecimal(b));
    }
}
