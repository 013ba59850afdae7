package dev.depot.kit.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports missing required settings by name, in one log event and without a stack trace. */
public final class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, MissingSettingsException cause) {
        String names = String.join(", ", cause.names());
        return new FailureAnalysis(
                "Required setting" + (cause.names().size() > 1 ? "s " : " ") + names + " not set.",
                "Set the environment variable"
                        + (cause.names().size() > 1 ? "s " : " ")
                        + names
                        + " (see .env.example).",
                null);
    }
}
