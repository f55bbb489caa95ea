package dev.tapio.rules;

import dev.tapio.rules.internal.drools.MatchListener;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.drools.RuleSession;

/** What benchmarks outside this package reach of a compiled rule set's internals. */
public final class RuleInternals {
  private RuleInternals() {}

  /** The rule as the rule base runs it. */
  public static RuleCode code(CompiledRule rule) {
    return rule.code();
  }

  /** A session over {@code set} whose matches go to {@code listener}. */
  public static RuleSession session(CompiledRuleSet set, MatchListener listener) {
    return set.session(listener);
  }
}
