package io.barfeed.plan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timeframe as providers spell it: barfeed's names are Alpaca's ({@code 15Min}, {@code 1Hour}, {@code 1Day});
 * Massive's aggregates take a multiplier and a timespan ({@code 15}, {@code minute}).
 */
public record Timeframe(int multiplier, String timespan) {

    private static final Pattern NAME = Pattern.compile("(\\d+)(Min|T|Hour|H|Day|D|Week|W|Month|M)");

    /** The timeframe barfeed calls {@code name}. */
    public static Timeframe of(String name) {
        Matcher m = NAME.matcher(name.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timeframe: " + name);
        }
        String timespan = switch (m.group(2)) {
            case "Min", "T" -> "minute";
            case "Hour", "H" -> "hour";
            case "Day", "D" -> "day";
            case "Week", "W" -> "week";
            default -> "month";
        };
        return new Timeframe(Integer.parseInt(m.group(1)), timespan);
    }
}
