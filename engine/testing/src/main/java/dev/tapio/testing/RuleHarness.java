package dev.tapio.testing;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.List;
import java.util.Set;

/** A compiled rule set as the case runner sees it. */
public interface RuleHarness {

  /**
   * Every enabled rule that matches {@code event}, in rule order (as {@code rule_matching: all}).
   */
  List<Alert> evaluate(EnrichedEvent event);

  /**
   * Why {@code rule} does not match {@code event}: the sub-conditions that were false, with the
   * field values seen. One line per sub-condition.
   */
  List<String> explain(String rule, EnrichedEvent event);

  /**
   * Starts a new, unrelated stream of events: state kept across events (correlations) is dropped.
   */
  default void reset() {}

  /**
   * What kept {@code rule} from firing over all of {@code events}, beyond each event on its own
   * (for a correlation: a step that matched nothing, or steps out of order or out of time).
   */
  default List<String> explain(String rule, List<EnrichedEvent> events) {
    return List.of();
  }

  /** The names of the loaded rules, enabled or not. */
  Set<String> ruleNames();

  /** Whether {@code rule} is loaded and enabled. */
  boolean isEnabled(String rule);
}
