package io.barfeed.stream;

import io.barfeed.fetch.BarRow;

/**
 * A streamed message as the route's choice made it: a minute bar to store ({@code row}), or why it cannot be
 * ({@code problem}); {@code correction} when it replaces a bar sent before (an updated bar). Messages of no interest
 * (statuses, daily bars, control messages) are none.
 */
public record StreamItem(StreamMessage message, BarRow row, String problem, boolean correction) {

    /** Nothing to store. */
    public static final StreamItem NONE = new StreamItem(null, null, null, false);

    @Override
    public String toString() {
        return row != null ? "StreamItem[" + row.symbol() + " " + row.ts() + "]" : "StreamItem[" + problem + "]";
    }
}
