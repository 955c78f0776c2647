package io.barfeed.run;

import java.util.List;
import java.util.Locale;

/** How a run ended: the figures of the summary line, the run table row and the exit code. */
public record RunSummary(
        long runId,
        Status status,
        int symbols,
        long bars,
        int failed,
        long requests,
        double seconds,
        List<String> failedSymbols,
        List<String> emptySymbols,
        String message) {

    /** Exit codes of {@code --barfeed.once=true}; 1 is left to Spring Boot for a failed start-up. */
    public enum Status {
        SUCCEEDED(0),
        FAILED(2),
        ABORTED(3);

        private final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }

        /** The value stored in {@code barfeed.run.status}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public RunSummary {
        failedSymbols = List.copyOf(failedSymbols);
        emptySymbols = List.copyOf(emptySymbols);
    }

    /** The one line every run ends with; scripts parse it. */
    public String line() {
        return String.format(
                Locale.ROOT,
                "barfeed run %d finished: symbols=%d bars=%d failed=%d requests=%d seconds=%.3f",
                runId,
                symbols,
                bars,
                failed,
                requests,
                seconds);
    }

    public int exitCode() {
        return status.exitCode();
    }
}
