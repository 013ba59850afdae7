package dev.depot.kit.startup;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.PlaceholderResolutionException;

/** A required setting (a {@code ${DEPOT_...}} placeholder without default) that nobody set. */
public final class MissingSettingFailureAnalyzer
    extends AbstractFailureAnalyzer<PlaceholderResolutionException> {

  private static final Pattern NAME = Pattern.compile("placeholder '([^']+)'");

  @Override
  protected FailureAnalysis analyze(Throwable root, PlaceholderResolutionException cause) {
    Matcher m = NAME.matcher(String.valueOf(cause.getMessage()));
    String name = m.find() ? m.group(1) : "(unknown)";
    return new FailureAnalysis(
        "Required setting " + name + " is not set.",
        "Set the environment variable " + name + " (see .env.example).", null);
  }
}
