package dev.tapio.testing;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledRule;
import java.util.List;

/**
 * Explains a rule that did not match: which part of its condition (macros expanded, exceptions
 * added) was false, and with which field values; see {@link dev.tapio.rules.ConditionTrace}.
 */
final class ConditionTrace {
  private ConditionTrace() {}

  static List<String> explain(CompiledRule rule, EnrichedEvent event) {
    return rule.explain(event);
  }
}
