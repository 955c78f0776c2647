package io.barfeed.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.springframework.stereotype.Component;

/** Turns a run's totals (or the exception that stopped it) into its {@link RunSummary}. */
@Component("runReport")
public class RunReport {

    private final Clock clock;

    public RunReport(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public RunSummary finished(RunTotals totals, @ExchangeProperty("runId") long runId,
                               @ExchangeProperty("runStarted") Instant started) {
        RunTotals run = totals == null ? RunTotals.NONE : totals;
        List<String> failed = run.failedSymbols().stream().sorted().toList();
        List<String> empty = run.empty().stream().map(SymbolFrame::symbol).distinct().sorted().toList();
        RunSummary.Status status = failed.isEmpty() ? RunSummary.Status.SUCCEEDED : RunSummary.Status.FAILED;
        String message = failed.isEmpty() ? null : "failed symbols: " + String.join(", ", failed);
        return new RunSummary(runId, status, run.symbols().size(), run.bars(), failed.size(), run.requests(),
                secondsSince(started), failed, empty, message);
    }

    public RunSummary aborted(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
                              @ExchangeProperty("runId") Long runId, @ExchangeProperty("runStarted") Instant started) {
        String message = cause == null ? "run aborted" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new RunSummary(runId == null ? 0 : runId, RunSummary.Status.ABORTED, 0, 0, 0, 0,
                secondsSince(started), List.of(), List.of(), message);
    }

    private double secondsSince(Instant started) {
        return started == null ? 0 : Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }
}
