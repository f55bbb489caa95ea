package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.drools.RuleSession;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RuleSession} that collects each event's {@link Match}es: what the engine's pipeline, the
 * rule test runner and {@code tapio replay} match with. Nothing is rendered here; a match becomes
 * an alert with {@link Match#render}. Not thread-safe, like the session it wraps.
 */
public final class MatchingSession implements AutoCloseable {
  private final List<Match> matched = new ArrayList<>();
  private final RuleSession session;

  public MatchingSession(CompiledRuleSet rules) {
    CompiledRule[] byIndex =
        new CompiledRule[rules.rules().stream().mapToInt(CompiledRule::index).max().orElse(-1) + 1];
    rules.rules().forEach(r -> byIndex[r.index()] = r);
    this.session =
        rules.session((rule, event) -> matched.add(new Match(byIndex[rule.index()], event)));
  }

  /** The rules {@code event} matches, in rule order; empty for almost every event. */
  public List<Match> match(EnrichedEvent event) {
    session.process(event);
    if (matched.isEmpty()) {
      return List.of();
    }
    List<Match> out = List.copyOf(matched);
    matched.clear();
    return out;
  }

  @Override
  public void close() {
    session.close();
  }
}
