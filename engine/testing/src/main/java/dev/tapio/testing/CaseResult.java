package dev.tapio.testing;

import dev.tapio.api.alert.Alert;
import java.util.List;

/**
 * The outcome of one case.
 *
 * @param failures what went wrong, each a readable paragraph; empty when the case passed
 * @param alerts every alert the case's events raised (after {@code focus})
 * @param nanos how long the case took
 */
public record CaseResult(RuleCase ruleCase, List<String> failures, List<Alert> alerts, long nanos) {

  public CaseResult {
    failures = List.copyOf(failures);
    alerts = List.copyOf(alerts);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
