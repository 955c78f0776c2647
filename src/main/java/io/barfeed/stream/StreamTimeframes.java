package io.barfeed.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.barfeed.plan.Timeframe;
import io.barfeed.plan.Timeframes;

/**
 * The timeframes of barfeed.fetch.timeframes the stream writes: {@code 1Min} as the bars arrive, each larger intraday
 * one ({@code 15Min}, {@code 1Hour}...) rolled up from them in windows aligned to the UTC clock (as Alpaca's bars
 * are). Days, weeks and months are left to REST: a day's bar is the exchange's official open and close, not a sum
 * of the minute bars a stream saw.
 */
@Component("streamTimeframes")
public class StreamTimeframes {

    private final boolean minutes;
    private final List<String> rollUps;

    public StreamTimeframes(Timeframes timeframes) {
        List<String> larger = new ArrayList<>();
        boolean minute = false;
        for (String name : timeframes.list()) {
            Duration length = lengthOf(name);
            if (length == null) {
                continue;
            }
            if (length.equals(Duration.ofMinutes(1))) {
                minute = true;
            } else {
                larger.add(name);
            }
        }
        this.minutes = minute;
        this.rollUps = List.copyOf(larger);
    }

    /** Whether the minute bars themselves are stored (1Min is one of barfeed.fetch.timeframes). */
    public boolean storesMinutes() {
        return minutes;
    }

    /** The larger timeframes rolled up from the minute bars. */
    public List<String> rollUps() {
        return rollUps;
    }

    /** Every timeframe the stream writes, the minute first: the ones a repair after a (re)connect asks REST for. */
    public List<String> written() {
        List<String> all = new ArrayList<>();
        if (minutes) {
            all.add(StreamBars.MINUTE);
        }
        all.addAll(rollUps);
        return all;
    }

    /** The start of the window of {@code timeframe} that holds {@code t}. */
    public static Instant windowStart(String timeframe, Instant t) {
        long seconds = lengthOf(timeframe).toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** The length of an intraday timeframe's window; null for days, weeks, months. */
    public static Duration lengthOf(String timeframe) {
        Timeframe frame = Timeframe.of(timeframe);
        return switch (frame.timespan()) {
            case "minute" -> Duration.ofMinutes(frame.multiplier());
            case "hour" -> Duration.ofHours(frame.multiplier());
            default -> null;
        };
    }
}
