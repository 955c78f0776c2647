package io.barfeed.fetch;

/**
 * A number a provider writes as a string ({@code "86.4900"}), checked to be a decimal in the syntax barfeed keeps
 * prices in (JSON's number syntax, what PostgreSQL's numeric reads): the rules and COPY then treat it as any JSON
 * number. {@code ""}, {@code "None"}, {@code "-"} and {@code "null"} are no value at all.
 */
final class DecimalText {

    /** What a string that means no value reads as. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "(none)";
        }
    };

    private DecimalText() {}

    /** The decimal's text (a leading + dropped), {@link #NONE}, or {@link RawBar#NOT_A_NUMBER}. */
    static Object of(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("None") || t.equals("-") || t.equals("null")) {
            return NONE;
        }
        if (t.charAt(0) == '+') {
            t = t.substring(1);
        }
        return isDecimal(t) ? t : RawBar.NOT_A_NUMBER;
    }

    /** {@code -?digits[.digits][e[+-]digits]}, the digits before or after the point not both empty. */
    static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && t.charAt(i) == '-') {
            i++;
        }
        int intDigits = digits(t, i);
        i += intDigits;
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            fraction = digits(t, i);
            i += fraction;
        }
        if (intDigits == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(t, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
