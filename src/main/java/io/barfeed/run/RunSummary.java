package io.barfeed.run;

import java.util.List;
import java.util.Locale;

/**
 * How a run ended: the figures of the summary line, the run table row and the exit code. {@code failed} counts
 * the symbols with failures still open after the run; {@code repaired} the earlier failures this run resolved;
 * {@code abandoned} the ranges it gave up on.
 */
public record RunSummary(
        long runId,
        Status status,
        int symbols,
        long bars,
        int failed,
        long requests,
        double seconds,
        int repaired,
        int abandoned,
        List<String> failedSymbols,
        List<String> emptySymbols,
        String message) {

    /** How a run ended, the value of {@code barfeed.run.status}, and a once-run's exit code. */
    public enum Status {
        SUCCEEDED("succeeded", 0),
        FAILED("failed", 2),
        ABORTED("aborted", 3),
        REFUSED_BY_PLAN("aborted", 4);

        private final String label;
        private final int exitCode;

        Status(String label, int exitCode) {
            this.label = label;
            this.exitCode = exitCode;
        }

        /** 1 is Spring Boot's, for a start-up that failed. */
        public int exitCode() {
            return exitCode;
        }

        /** The value stored in {@code barfeed.run.status}. */
        public String label() {
            return label;
        }
    }

    public RunSummary {
        failedSymbols = List.copyOf(failedSymbols);
        emptySymbols = List.copyOf(emptySymbols);
    }

    /** The one line every run ends with; scripts parse it. Fields are only ever added at the end. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "barfeed run %d finished: symbols=%d bars=%d failed=%d requests=%d seconds=%.3f repaired=%d"
                        + " abandoned=%d",
                runId,
                symbols,
                bars,
                failed,
                requests,
                seconds,
                repaired,
                abandoned);
    }

    public int exitCode() {
        return status.exitCode();
    }
}
