package io.barfeed.run;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.apache.camel.ExchangeProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarsPage;
import io.barfeed.plan.Plan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where the current run stands (for the progress line every few seconds) and how the last one
 * ended (for JMX), plus the run's meters. The routes tell it what happened; it decides nothing.
 */
@Component("runProgress")
public class RunProgress {

    private static final Logger LOG = LoggerFactory.getLogger("barfeed.run");

    private final Counter barsStored;
    private final Counter symbolsFailed;
    private final Timer runDuration;
    private volatile Current current;
    private volatile RunSummary lastRun;

    public RunProgress(MeterRegistry meters) {
        this.barsStored = Counter.builder("barfeed.bars.stored")
                .description("Bars written or already present")
                .register(meters);
        this.symbolsFailed = Counter.builder("barfeed.symbols.failed")
                .description("Symbols a run could not load")
                .register(meters);
        this.runDuration = Timer.builder("barfeed.run.duration")
                .description("From trigger to last commit")
                .register(meters);
        meters.gauge("barfeed.run.active", this, p -> p.current == null ? 0 : 1);
    }

    /** Counters of the run going on. */
    private record Current(
            long runId,
            long startedNanos,
            AtomicLong plannedRequests,
            AtomicLong finishedRequests,
            AtomicLong pages,
            AtomicLong bars) {}

    public void started(@ExchangeProperty("runId") long runId) {
        current = new Current(
                runId, System.nanoTime(), new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong());
    }

    public void planned(@Body Plan plan) {
        Current run = current;
        if (run != null) {
            run.plannedRequests().addAndGet(plan.requests().size());
        }
    }

    public void pageStored(@ExchangeProperty("page") BarsPage page) {
        barsStored.increment(page.rows().size());
        Current run = current;
        if (run != null) {
            run.pages().incrementAndGet();
            run.bars().addAndGet(page.rows().size());
        }
    }

    public void requestFinished() {
        Current run = current;
        if (run != null) {
            run.finishedRequests().incrementAndGet();
        }
    }

    public void finished(@Body RunSummary summary) {
        symbolsFailed.increment(summary.failed());
        runDuration.record((long) (summary.seconds() * 1000), TimeUnit.MILLISECONDS);
        lastRun = summary;
        current = null;
    }

    /** The progress line, while a run is going on. */
    public void report() {
        Current run = current;
        if (run == null) {
            return;
        }
        double seconds = (System.nanoTime() - run.startedNanos()) / 1e9;
        LOG.info(String.format(
                Locale.ROOT,
                "barfeed run %d progress: requests %d/%d finished (%d pages), bars %,d stored, %,.0f bars/s",
                run.runId(),
                run.finishedRequests().get(),
                run.plannedRequests().get(),
                run.pages().get(),
                run.bars().get(),
                seconds > 0 ? run.bars().get() / seconds : 0));
    }

    public boolean isRunning() {
        return current != null;
    }

    /** How the last run ended; null before the first. */
    public RunSummary lastRun() {
        return lastRun;
    }
}
