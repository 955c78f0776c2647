package io.barfeed.stream;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarCheck;

/**
 * A streamed bar into a minute bar row, checked by the same rules as a REST page's bars ({@link BarCheck}): a bar
 * that breaks them is rejected with its reason, and recorded as a failure as a REST bar would be.
 */
@Component("streamBars")
public class StreamBars {

    /** The minute timeframe's name, as barfeed.fetch.timeframes writes it. */
    public static final String MINUTE = "1Min";

    /** A minute bar ({@code b}): stored as it is. */
    public StreamItem minute(@Body StreamMessage message) {
        return item(message, false);
    }

    /** An updated bar ({@code u}): replaces the minute bar sent before, and the roll-ups holding it. */
    public StreamItem correction(@Body StreamMessage message) {
        return item(message, true);
    }

    private static StreamItem item(StreamMessage message, boolean correction) {
        if (message.symbol() == null || message.stockId() == null) {
            return new StreamItem(message, null, null, correction); // not in the universe: not ours to store
        }
        if (message.time() == null) {
            return new StreamItem(message, null, message.timeProblem() + " in " + message, correction);
        }
        var v = message.values();
        BarCheck.Checked checked = BarCheck.check(
                message.symbol(),
                MINUTE,
                message.stockId(),
                message.time(),
                v.get(0),
                v.get(1),
                v.get(2),
                v.get(3),
                v.get(4),
                v.get(5),
                v.get(6));
        return new StreamItem(message, checked.row(), checked.problem(), correction);
    }

    @Override
    public String toString() {
        return "streamBars";
    }
}
