package io.barfeed.report;

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
import org.apache.camel.Variable;
import org.springframework.stereotype.Component;

import io.barfeed.fetch.RunRefused;
import io.barfeed.run.Run;
import io.barfeed.run.RunSummary;
import io.barfeed.run.RunTotals;
import io.barfeed.run.SymbolFrame;

/** Turns a run's totals and what barfeed.failure holds after it (or what stopped it) into its {@link RunSummary}. */
@Component("runReport")
public class RunReport {

    private final Clock clock;

    public RunReport(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param open the open failures after the run (symbol, timeframe); those of this run's symbol-timeframes count
     * @param closed this run's resolved failures and abandoned ranges (state, count)
     */
    public RunSummary finished(
            @Body RunTotals totals,
            @Variable("run") Run run,
            @Variable("openFailures") List<Map<String, Object>> open,
            @Variable("closedFailures") List<Map<String, Object>> closed) {
        RunTotals all = totals == null ? RunTotals.NONE : totals;
        Set<String> failedSymbols = new TreeSet<>();
        for (Map<String, Object> row : open) {
            if (all.planned().contains(new SymbolFrame((String) row.get("symbol"), (String) row.get("timeframe")))) {
                failedSymbols.add((String) row.get("symbol"));
            }
        }
        List<String> failed = List.copyOf(failedSymbols);
        List<String> empty = all.empty().stream()
                .map(SymbolFrame::symbol)
                .distinct()
                .sorted()
                .toList();
        String message = failed.isEmpty() ? null : "failures still open for symbols: " + String.join(", ", failed);
        return new RunSummary(
                run.id(),
                failed.isEmpty() ? RunSummary.Status.SUCCEEDED : RunSummary.Status.FAILED,
                all.symbols().size(),
                all.bars(),
                failed.size(),
                run.requests(),
                secondsSince(run.started()),
                count(closed, "resolved"),
                count(closed, "abandoned"),
                failed,
                empty,
                message);
    }

    /** A run stopped by an exception: a refusal by the provider, a failing universe query, the database gone. */
    public RunSummary aborted(
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause,
            @Variable("run") Run run,
            @ExchangeProperty("runStarted") Instant started) {
        Throwable refusal = cause;
        while (refusal != null && !(refusal instanceof RunRefused)) {
            refusal = refusal.getCause();
        }
        RunSummary.Status status = refusal instanceof RunRefused refused && refused.exitCode() == 4
                ? RunSummary.Status.REFUSED_BY_PLAN
                : RunSummary.Status.ABORTED;
        String message = refusal != null
                ? refusal.getMessage()
                : cause == null ? "run aborted" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return new RunSummary(
                run == null ? 0 : run.id(),
                status,
                0,
                0,
                0,
                run == null ? 0 : run.requests(),
                secondsSince(run == null ? started : run.started()),
                0,
                0,
                List.of(),
                List.of(),
                message);
    }

    public Instant now() {
        return clock.instant();
    }

    private static int count(List<Map<String, Object>> closed, String state) {
        return closed.stream()
                .filter(row -> state.equals(row.get("state")))
                .mapToInt(row -> ((Number) row.get("count")).intValue())
                .sum();
    }

    private double secondsSince(Instant started) {
        return started == null ? 0 : Duration.between(started, clock.instant()).toMillis() / 1000.0;
    }
}
