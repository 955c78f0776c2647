package io.barfeed.ops;

import java.util.concurrent.TimeUnit;

import org.apache.camel.Body;
import org.springframework.stereotype.Component;

import io.barfeed.run.RunSummary;
import io.barfeed.run.Runs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * barfeed's meters at /actuator/prometheus: bars stored, symbols failed, ranges abandoned, run durations. They read
 * what the runs record ({@link Runs}, each run's summary) and never write to a run.
 */
@Component("runMeters")
public class RunMeters {

    private final Counter symbolsFailed;
    private final Counter rangesAbandoned;
    private final Timer runDuration;

    public RunMeters(MeterRegistry meters, Runs runs) {
        FunctionCounter.builder("barfeed.bars.stored", runs, Runs::barsStored)
                .description("Bars written or already present")
                .register(meters);
        this.symbolsFailed = Counter.builder("barfeed.symbols.failed")
                .description("Symbols with failures still open after a run")
                .register(meters);
        this.rangesAbandoned = Counter.builder("barfeed.ranges.abandoned")
                .description("Ranges given up on after repeated failures for their data")
                .register(meters);
        this.runDuration = Timer.builder("barfeed.run.duration")
                .description("From trigger to last commit")
                .register(meters);
        meters.gauge("barfeed.run.active", runs, r -> r.current() == null ? 0 : 1);
    }

    public void runEnded(@Body RunSummary summary) {
        symbolsFailed.increment(summary.failed());
        rangesAbandoned.increment(summary.abandoned());
        runDuration.record((long) (summary.seconds() * 1000), TimeUnit.MILLISECONDS);
    }
}
