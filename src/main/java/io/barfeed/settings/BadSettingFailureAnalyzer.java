package io.barfeed.settings;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up stopped by a bad setting: say which one and where to fix it, without a stack trace to read. */
public class BadSettingFailureAnalyzer extends AbstractFailureAnalyzer<BadSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BadSetting cause) {
        if (cause instanceof UnknownSettings) {
            return new FailureAnalysis(
                    cause.getMessage(),
                    "Correct the spelling of each key where it is set (or remove it), then start barfeed again. The"
                            + " settings are listed in docs/configuration.md; application.yaml holds each one.",
                    cause);
        }
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix " + cause.key() + " in application.yaml (or where you override it: --" + cause.key()
                        + "=..., or the environment), then start barfeed again.",
                cause);
    }
}
