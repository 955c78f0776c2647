package io.barfeed.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a bad setting: say which one and where to fix it, without a stack trace to read. */
public class BadSettingFailureAnalyzer extends AbstractFailureAnalyzer<BadSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BadSetting cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix " + cause.key() + " in application.yaml (or where you override it: --" + cause.key()
                        + "=..., or the environment), then start barfeed again.",
                cause);
    }
}
