package io.barfeed.stream;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarRow;
import io.barfeed.run.Run;
import io.barfeed.settings.BarfeedProperties;

/**
 * Rolls the streamed minute bars up into the larger timeframes of barfeed.fetch.timeframes ({@link StreamTimeframes}):
 * per symbol and window, open first, high max, low min, close last, volumes and trade counts summed, vwap weighted
 * by volume. A window is written barfeed.stream.roll-up-delay after it closes (its last minute's updated bar is in
 * by then), and only when the stream saw it whole: its symbol streamed without a break from the window's start and
 * every minute bar of it stored. A window the stream joined part-way is REST's (the repair once it closes, see
 * routes/stream.camel.yaml); one with a minute bar rejected or not stored is recorded as a failure of its timeframe,
 * which the next runs ask REST for; a window missed by a disconnect is the next connection's repair. An updated bar
 * arriving after its window was written writes the window again, as a correction.
 */
@Component("streamRollUps")
public class StreamRollUps {

    /** How long a written window is kept for a late correction. */
    static final Duration KEPT = Duration.ofMinutes(5);

    private final StreamTimeframes timeframes;
    private final StreamState state;
    private final Clock market;
    private final Duration delay;
    private final Map<Key, Window> windows = new ConcurrentHashMap<>();
    private volatile Run run;

    public StreamRollUps(
            StreamTimeframes timeframes,
            StreamState state,
            @Qualifier("marketClock") Clock market,
            BarfeedProperties settings) {
        this.timeframes = timeframes;
        this.state = state;
        this.market = market;
        this.delay = settings.stream().rollUpDelay();
    }

    /** A batch's minute bars were stored (or, when 1Min is not one of the timeframes, taken): into their windows. */
    public void stored(@Body StreamBatch batch) {
        if (timeframes.rollUps().isEmpty()) {
            return;
        }
        run = batch.run();
        for (BarRow row : batch.minuteBars()) {
            for (String timeframe : timeframes.rollUps()) {
                window(row.symbol(), row.get("stock_id"), timeframe, row.ts().toInstant())
                        .add(row);
            }
        }
        for (StreamItem item : batch.rejectedMinutes()) {
            taint(
                    item.message().symbol(),
                    item.message().stockId(),
                    item.message().time(),
                    "validate",
                    item.problem());
        }
    }

    /** A batch the database did not store: its windows cannot be rolled up. */
    public void unstored(@Body StreamBatch batch) {
        for (BarRow row : batch.minuteBars()) {
            taint(
                    row.symbol(),
                    row.get("stock_id"),
                    row.ts().toInstant(),
                    "store",
                    "a minute bar of it was not stored");
        }
    }

    /**
     * The windows due now: the ones seen whole as bars to store (new, or corrections of windows written before), and
     * the tainted ones as failures. Null when there is nothing to do.
     */
    public StreamBatch due() {
        Instant now = market.instant();
        StreamBatch batch = new StreamBatch(run, false);
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            synchronized (w) {
                Instant dueAt = w.end.plus(delay);
                if (now.isBefore(dueAt)) {
                    continue;
                }
                if (!w.decided) {
                    w.decided = true;
                    if (w.problem != null) {
                        batch.missed(
                                new MissedWindow(w.key.symbol, w.key.timeframe, w.start, w.end, w.stage, w.problem));
                    } else if (seenWhole(w) && !w.minutes.isEmpty()) {
                        batch.rolledUp(w.rollUp(), false);
                        w.written = true;
                    }
                } else if (w.written && w.corrected) {
                    batch.rolledUp(w.rollUp(), true);
                }
                w.corrected = false;
                if (now.isAfter(dueAt.plus(KEPT))) {
                    it.remove();
                }
            }
        }
        return batch.stored() == 0 && batch.missedWindows().isEmpty() ? null : batch;
    }

    /** Windows held (written ones are kept a while for late corrections). */
    public int held() {
        return windows.size();
    }

    private boolean seenWhole(Window w) {
        Instant since = state.subscribedSince(w.key.symbol);
        return since != null && !since.isAfter(w.start);
    }

    private void taint(String symbol, Object stockId, Instant time, String stage, String problem) {
        if (symbol == null || stockId == null || time == null) {
            return;
        }
        for (String timeframe : timeframes.rollUps()) {
            Window w = window(symbol, stockId, timeframe, time);
            synchronized (w) {
                if (w.problem == null) {
                    w.stage = stage;
                    w.problem = "not rolled up from the stream: " + problem;
                }
            }
        }
    }

    private Window window(String symbol, Object stockId, String timeframe, Instant time) {
        Instant start = StreamTimeframes.windowStart(timeframe, time);
        Key key = new Key(symbol, timeframe, start);
        return windows.computeIfAbsent(
                key, k -> new Window(k, stockId, start.plus(StreamTimeframes.lengthOf(timeframe))));
    }

    private record Key(String symbol, String timeframe, Instant start) {}

    /** One symbol's window of one timeframe: the minute bars in it, the last one of each minute kept. */
    private static final class Window {
        final Key key;
        final Object stockId;
        final Instant start;
        final Instant end;
        final TreeMap<Instant, BarRow> minutes = new TreeMap<>();
        String stage;
        String problem;
        boolean decided;
        boolean written;
        boolean corrected;

        Window(Key key, Object stockId, Instant end) {
            this.key = key;
            this.stockId = stockId;
            this.start = key.start;
            this.end = end;
        }

        synchronized void add(BarRow minute) {
            BarRow before = minutes.put(minute.ts().toInstant(), minute);
            if (written && (before == null || !before.equals(minute))) {
                corrected = true;
            }
        }

        BarRow rollUp() {
            BarRow first = minutes.firstEntry().getValue();
            BarRow last = minutes.lastEntry().getValue();
            BigDecimal high = null;
            BigDecimal low = null;
            long volume = 0;
            Long trades = 0L;
            BigDecimal weighted = BigDecimal.ZERO;
            boolean vwap = true;
            for (BarRow m : minutes.values()) {
                BigDecimal h = new BigDecimal(m.decimalText(5));
                BigDecimal l = new BigDecimal(m.decimalText(6));
                high = high == null || h.compareTo(high) > 0 ? h : high;
                low = low == null || l.compareTo(low) < 0 ? l : low;
                long v = m.field(8) instanceof Number n ? n.longValue() : 0;
                volume += v;
                trades = trades != null && m.field(9) instanceof Number n ? trades + n.longValue() : null;
                if (m.decimalText(10) == null) {
                    vwap = false;
                } else {
                    weighted = weighted.add(new BigDecimal(m.decimalText(10)).multiply(BigDecimal.valueOf(v)));
                }
            }
            String average = vwap && volume > 0
                    ? weighted.divide(BigDecimal.valueOf(volume), MathContext.DECIMAL64)
                            .stripTrailingZeros()
                            .toPlainString()
                    : null;
            return new BarRow(
                    key.symbol,
                    key.timeframe,
                    start,
                    stockId,
                    first.decimalText(4),
                    high.toPlainString(),
                    low.toPlainString(),
                    last.decimalText(7),
                    volume,
                    trades,
                    average);
        }
    }

    /** A window the stream could not roll up faithfully, for barfeed.failure. */
    public record MissedWindow(
            String symbol, String timeframe, Instant start, Instant end, String stage, String problem) {}
}
