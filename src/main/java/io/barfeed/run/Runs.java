package io.barfeed.run;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Variable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.BarsPage;
import io.barfeed.fetch.RunRefused;
import io.barfeed.plan.Plan;
import io.barfeed.provider.Provider;

/** The run going on, if any, and how the last one ended: what the progress line, JMX and the meters read. */
@Component("runs")
public class Runs {

    private final Clock clock;
    private final Provider provider;
    private final Semaphore turn = new Semaphore(1, true);
    private volatile Run current;
    private volatile RunSummary last;
    // Every run's stored bars since start: what the meter barfeed.bars.stored reads.
    private final AtomicLong barsStored = new AtomicLong();

    public Runs(Clock clock, Provider provider) {
        this.clock = clock;
        this.provider = provider;
    }

    /** The provider this run's data comes from, for its row in barfeed.run. */
    public String provider() {
        return provider.name();
    }

    /** The provider's API root, for the run's row. */
    public String baseUrl() {
        return provider.baseUrl();
    }

    /** Waits until no other run is going on: runs never overlap, whoever starts them. */
    public void awaitTurn() throws InterruptedException {
        turn.acquire();
    }

    /** The run that had the turn ended. */
    public void endTurn() {
        turn.release();
    }

    /** A new run, recorded under {@code id}, is going on. */
    public Run begin(long id) {
        Run run = new Run(id, provider(), baseUrl(), clock.instant());
        current = run;
        return run;
    }

    /**
     * A run that is no ingest (a connection of the live stream, recorded under {@code id}): its bars, failures and
     * repairs are its own; it never takes the turn nor stands as the current run.
     */
    public Run beginAside(long id) {
        return new Run(id, provider(), baseUrl(), clock.instant());
    }

    /** {@code run} is about to send an HTTP request to the provider. */
    public void requestSent(@Variable("run") Run run) {
        run.requestSent();
    }

    /** {@code run} planned a timeframe's requests. */
    public void planned(@Variable("run") Run run, @Body Plan plan) {
        run.planned(plan.requests().size());
    }

    /** One of {@code run}'s requests ended, stored or recorded as failed. */
    public void requestFinished(@Variable("run") Run run) {
        run.requestFinished();
    }

    /** A page of {@code run} was stored. */
    public void pageStored(@Variable("run") Run run, @Variable("page") BarsPage page) {
        run.pageStored(page.rows().size());
        barsStored.addAndGet(page.rows().size());
    }

    /** The stream stored {@code bars} bars of its connection's {@code run} (none: a batch of no connection). */
    public void streamed(Run run, int bars) {
        if (run != null) {
            run.pageStored(bars);
        }
    }

    /** Bars stored by every run since start, written or already present. */
    public long barsStored() {
        return barsStored.get();
    }

    /**
     * The deadline of work that starts now and may take {@code timeout}: a duration as the settings write it
     * ({@code 30m}, {@code 500ms}, {@code PT30M}; a bare number is milliseconds), for a route's
     * {@code deadline('{{barfeed.fetch.run-timeout}}')}.
     */
    public Instant deadline(String timeout) {
        return clock.instant().plus(DurationStyle.detectAndParse(timeout.trim()));
    }

    /** Stops {@code run} after the provider refused it: no new request starts. */
    public void stop(@Variable("run") Run run, @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) RunRefused refusal) {
        run.stop(refusal);
    }

    /** Aborts a run the provider refused, with the refusal that stopped it. */
    public void abortRefused(@Variable("run") Run run) {
        throw run.refusal();
    }

    /** The run ended with {@code summary}. */
    public void end(@Body RunSummary summary) {
        last = summary;
        current = null;
    }

    /** The run going on, or null. */
    public Run current() {
        return current;
    }

    /** How the last run ended; null before the first. */
    public RunSummary last() {
        return last;
    }
}
