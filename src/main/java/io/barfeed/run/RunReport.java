package io.barfeed.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
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

    /**
     * @param recorded the symbols of the run's rows in barfeed.failure: requests that gave up, bars
     *                 rejected, rows the database refused
     */
    public RunSummary finished(
            @Body RunTotals totals,
            @Header("recordedFailures") List<Map<String, Object>> recorded,
            @ExchangeProperty("runId") long runId,
            @ExchangeProperty("runStarted") Instant started) {
        RunTotals run = totals == null ? RunTotals.NONE : totals;
        Set<String> failedSymbols = new TreeSet<>(run.failedSymbols());
        if (recorded != null) {
            recorded.forEach(row -> failedSymbols.add((String) row.get("symbol")));
        }
        List<String> failed = List.copyOf(failedSymbols);
        List<String> empty = run.empty().stream()
                .map(SymbolFrame::symbol)
                .distinct()
                .sorted()
                .toList();
        RunSummary.Status status = failed.isEmpty() ? RunSummary.Status.SUCCEEDED : RunSummary.Status.FAILED;
        String message = failed.isEmpty() ? null : "failed symbols: " + String.join(", ", failed);
        return new RunSummary(
                runId,
                status,
                run.symbols().size(),
                run.bars(),
                failed.size(),
                run.requests(),
                secondsSince(started),
                failed,
                empty,
                message);
    }

    public RunSummary aborted(
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
            @ExchangeProperty("runId") Long runId,
            @ExchangeProperty("runStarted") Instant started) {
        String message = cause == null ? "run aborted" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new RunSummary(
                runId == null ? 0 : runId,
                RunSummary.Status.ABORTED,
                0,
                0,
                0,
                0,
                secondsSince(started),
                List.of(),
                List.of(),
                message);
    }

    private double secondsSince(Instant started) {
        return started == null ? 0 : Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }
}
