package dev.tapio.rules.internal.drools;

import dev.tapio.api.context.EnrichedEvent;

/** Receives rule matches from a Drools session. Called on the session's thread. */
@FunctionalInterface
public interface MatchListener {
  void matched(RuleCode rule, EnrichedEvent event);

  MatchListener NOOP = (r, e) -> {};
}
