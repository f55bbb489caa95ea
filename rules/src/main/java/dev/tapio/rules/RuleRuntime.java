package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;

/**
 * The bridge the generated Drools rules call (the session global {@code tapio}): it evaluates a
 * rule's compiled predicate and passes matches on, keeping only the first per event when rule
 * matching is {@link RuleMatching#FIRST}. One instance per session.
 */
public final class RuleRuntime {

  private final CompiledRule[] rules;
  private final RuleMatching matching;
  private final MatchListener listener;
  private @org.jspecify.annotations.Nullable EnrichedEvent lastMatched;

  public RuleRuntime(List<CompiledRule> rules, RuleMatching matching, MatchListener listener) {
    int max = rules.stream().mapToInt(CompiledRule::index).max().orElse(-1);
    this.rules = new CompiledRule[max + 1];
    for (CompiledRule r : rules) {
      this.rules[r.index()] = r;
    }
    this.matching = matching;
    this.listener = listener;
  }

  /** Whether rule {@code index}'s condition holds for {@code event}. */
  public boolean test(int index, EnrichedEvent event) {
    return rules[index].predicateFor(event.type()).test(event);
  }

  @SuppressWarnings("ReferenceEquality")
  private static boolean sameObject(Object a, Object b) {
    return a == b;
  }

  /** A rule's consequence: rule {@code index} matched {@code event}. */
  public void matched(int index, EnrichedEvent event) {
    if (matching == RuleMatching.FIRST) {
      // the same fact object: identity, not equality, tells one event from the next
      if (lastMatched != null
          && System.identityHashCode(lastMatched) == System.identityHashCode(event)
          && sameObject(lastMatched, event)) {
        return;
      }
      lastMatched = event;
    }
    listener.matched(rules[index], event);
  }
}
