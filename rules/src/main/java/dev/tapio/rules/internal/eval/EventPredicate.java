package dev.tapio.rules.internal.eval;

import dev.tapio.api.context.EnrichedEvent;

/** A compiled rule condition: whether an event matches, with Falco's semantics. */
@FunctionalInterface
public interface EventPredicate {
  boolean test(EnrichedEvent event);

  EventPredicate ALWAYS = e -> true;
  EventPredicate NEVER = e -> false;
}
