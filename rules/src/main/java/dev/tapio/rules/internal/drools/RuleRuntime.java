package dev.tapio.rules.internal.drools;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.RuleMatching;
import java.util.List;

/**
 * The bridge the generated Drools rules call (the session global {@code tapio}): it evaluates a
 * rule's compiled predicate and passes matches on, keeping only the first per event when rule
 * matching is {@link RuleMatching#FIRST} (salience follows definition order, so the first rule to
 * fire is the first defined). One instance per session; {@link
 * dev.tapio.rules.internal.drools.RuleSession} calls {@link #startEvent()} before each event.
 */
public final class RuleRuntime {

  private final RuleCode[] rules;
  private final RuleMatching matching;
  private final MatchListener listener;
  private final java.util.Map<String, IndexedCheck> indexed = new java.util.HashMap<>();
  private boolean matchedThisEvent;

  public RuleRuntime(List<RuleCode> rules, RuleMatching matching, MatchListener listener) {
    int max = rules.stream().mapToInt(RuleCode::index).max().orElse(-1);
    this.rules = new RuleCode[max + 1];
    for (RuleCode r : rules) {
      this.rules[r.index()] = r;
    }
    for (RuleCode r : rules) {
      for (String type : r.eventTypes()) {
        for (IndexedCheck c : r.indexedChecksFor(type)) {
          indexed.putIfAbsent(c.field(), c);
        }
      }
    }
    this.matching = matching;
    this.listener = listener;
  }

  /** Whether rule {@code index}'s condition holds for {@code event}. */
  public boolean test(int index, EnrichedEvent event) {
    return rules[index].predicateFor(event.type()).test(event);
  }

  /**
   * {@code field}'s value in {@code event} as text, for an indexed check in the generated DRL
   * (which compares text); null when missing.
   */
  public @org.jspecify.annotations.Nullable String key(String field, EnrichedEvent event) {
    IndexedCheck check = indexed.get(field);
    if (check == null) {
      throw new IllegalArgumentException("no rule indexes " + field);
    }
    return check.keyText(event);
  }

  /** Starts a new event: in {@link RuleMatching#FIRST} mode the next match is passed on again. */
  public void startEvent() {
    matchedThisEvent = false;
  }

  /** A rule's consequence: rule {@code index} matched {@code event}. */
  public void matched(int index, EnrichedEvent event) {
    if (matching == RuleMatching.FIRST) {
      if (matchedThisEvent) {
        return;
      }
      matchedThisEvent = true;
    }
    listener.matched(rules[index], event);
  }
}
