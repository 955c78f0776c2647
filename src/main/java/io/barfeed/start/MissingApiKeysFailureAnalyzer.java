package io.barfeed.start;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for missing keys: say which variables to set, or how to run the demo instead. */
public class MissingApiKeysFailureAnalyzer extends AbstractFailureAnalyzer<MissingApiKeys> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingApiKeys cause) {
        return new FailureAnalysis(
                cause.getMessage() + ". Nothing was written to the database.",
                "Set " + String.join(" and ", cause.variables()) + " in the environment of barfeed."
                        + " To run the demo instead (an embedded PostgreSQL and the built-in simulator), start"
                        + " barfeed without spring.datasource.url.",
                null);
    }
}
