package io.barfeed.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The stream's meters at /actuator/prometheus: connected, messages and bars received, bars stored, reconnects by
 * reason, and the lag from a frame's arrival to its bars' commit (a histogram). Also the tallies since the last report
 * line ({@link StreamReport}).
 */
@Component("streamMeters")
public class StreamMeters {

    private final MeterRegistry meters;
    private final StreamState state;
    private final Counter messages;
    private final Counter barsReceived;
    private final Counter rejected;
    private final Timer lag;
    private final Map<String, Counter> stored = new ConcurrentHashMap<>();
    private final Map<String, Counter> reconnects = new ConcurrentHashMap<>();
    private final AtomicLong messagesSinceReport = new AtomicLong();
    private final AtomicLong barsSinceReport = new AtomicLong();
    private final Map<String, AtomicLong> storedSinceReport = new ConcurrentHashMap<>();
    private final AtomicLong rejectedSinceReport = new AtomicLong();
    private final AtomicLong maxLagNanosSinceReport = new AtomicLong();

    public StreamMeters(MeterRegistry meters, StreamState state) {
        this.meters = meters;
        this.state = state;
        this.messages = Counter.builder("barfeed.stream.messages.received")
                .description("Messages received on the stream, control messages included")
                .register(meters);
        this.barsReceived = Counter.builder("barfeed.stream.bars.received")
                .description("Minute bars and updated bars received on the stream")
                .register(meters);
        this.rejected = Counter.builder("barfeed.stream.bars.rejected")
                .description("Streamed bars that failed validation, recorded in barfeed.failure")
                .register(meters);
        this.lag = Timer.builder("barfeed.stream.lag")
                .description("From a frame's arrival to the commit of its bars")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(meters);
        meters.gauge("barfeed.stream.connected", state, s -> s.connected() ? 1 : 0);
    }

    /** A frame of {@code count} messages, {@code bars} of them bars, arrived. */
    void received(int count, int bars) {
        messages.increment(count);
        barsReceived.increment(bars);
        messagesSinceReport.addAndGet(count);
        barsSinceReport.addAndGet(bars);
    }

    /** The connection ended for {@code reason} and is to be opened again. */
    void reconnect(String reason) {
        reconnects
                .computeIfAbsent(
                        reason,
                        r -> Counter.builder("barfeed.stream.reconnects")
                                .description("Reconnects of the stream, by the reason the connection ended")
                                .tag("reason", r)
                                .register(meters))
                .increment();
    }

    /** {@code count} bars of {@code timeframe} committed. */
    void stored(String timeframe, int count) {
        stored.computeIfAbsent(
                        timeframe,
                        tf -> Counter.builder("barfeed.stream.bars.stored")
                                .description("Bars the stream committed, by timeframe (roll-ups included)")
                                .tag("timeframe", tf)
                                .register(meters))
                .increment(count);
        storedSinceReport.computeIfAbsent(timeframe, tf -> new AtomicLong()).addAndGet(count);
    }

    /** The store route committed {@code batch}: its bars count as stored, their lag from arrival is measured. */
    public void batchStored(@Body StreamBatch batch) {
        long now = System.nanoTime();
        batch.arrivals().forEach(arrived -> committed(arrived, now));
        if (batch.stored() > 0) {
            batch.storedByTimeframe().forEach(this::stored);
        }
        if (!batch.rejected().isEmpty()) {
            rejected(batch.rejected().size());
        }
    }

    /** A bar that arrived at {@code arrivedNanos} was committed now. */
    void committed(long arrivedNanos, long nowNanos) {
        long nanos = Math.max(0, nowNanos - arrivedNanos);
        lag.record(nanos, TimeUnit.NANOSECONDS);
        maxLagNanosSinceReport.accumulateAndGet(nanos, Math::max);
    }

    void rejected(int count) {
        rejected.increment(count);
        rejectedSinceReport.addAndGet(count);
    }

    /**
     * The stream's report line since the last one (routes/stream.camel.yaml logs it every
     * barfeed.stream.report-interval); null while the stream route is stopped.
     */
    public String report() {
        if (!state.running()) {
            return null;
        }
        Tallies t = takeTallies();
        StringBuilder stored = new StringBuilder();
        t.stored()
                .forEach((tf, n) -> stored.append(stored.isEmpty() ? "" : ", ")
                        .append(n)
                        .append(' ')
                        .append(tf));
        return "barfeed stream: " + (state.connected() ? state.symbols() + " symbols streaming" : "disconnected")
                + "; since the last report " + t.messages() + " messages, " + t.bars() + " bars received, stored "
                + (stored.isEmpty() ? "none" : stored) + ", " + t.rejected() + " rejected, longest lag "
                + t.maxLag().toMillis() + " ms";
    }

    /** The tallies since the last call, for the report line. */
    Tallies takeTallies() {
        Map<String, Long> byTimeframe = new java.util.TreeMap<>();
        storedSinceReport.forEach((tf, n) -> byTimeframe.put(tf, n.getAndSet(0)));
        return new Tallies(
                messagesSinceReport.getAndSet(0),
                barsSinceReport.getAndSet(0),
                byTimeframe,
                rejectedSinceReport.getAndSet(0),
                Duration.ofNanos(maxLagNanosSinceReport.getAndSet(0)));
    }

    /** What the stream did since the last report. */
    record Tallies(long messages, long bars, Map<String, Long> stored, long rejected, Duration maxLag) {}

    /** The lag histogram, for the benchmark. */
    public Timer lag() {
        return lag;
    }
}
