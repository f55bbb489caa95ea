package dev.tapio.rules;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.correlate.Correlator;
import dev.tapio.rules.internal.drools.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link RuleSession} that collects each event's {@link Match}es: what the engine's pipeline, the
 * rule test runner and {@code tapio replay} match with. Nothing is rendered here; a match becomes
 * an alert with {@link Match#render}. Not thread-safe, like the session it wraps.
 */
public final class MatchingSession implements AutoCloseable {
  private final List<Match> matched = new ArrayList<>();
  private final RuleSession session;
  private final CompiledRuleSet rules;
  private @Nullable Correlator correlator;

  public MatchingSession(CompiledRuleSet rules) {
    CompiledRule[] byIndex =
        new CompiledRule[rules.rules().stream().mapToInt(CompiledRule::index).max().orElse(-1) + 1];
    rules.rules().forEach(r -> byIndex[r.index()] = r);
    this.session =
        rules.session((rule, event) -> matched.add(new Match(byIndex[rule.index()], event)));
    this.rules = rules;
    this.correlator = correlator(rules);
  }

  private static @Nullable Correlator correlator(CompiledRuleSet rules) {
    Correlator c = rules.correlator();
    return c.isEmpty() ? null : c;
  }

  /**
   * Forgets every correlation's state, as if the session had just been opened: for a new, unrelated
   * stream of events (the next rule test case).
   */
  public void reset() {
    Correlator old = correlator;
    if (old != null) {
      old.close();
    }
    correlator = correlator(rules);
  }

  /**
   * The rules {@code event} matches, in rule order, then the correlations it completes (or, for an
   * absence, that its time ended unanswered); empty for almost every event. Correlations are not
   * subject to {@link RuleMatching#FIRST}.
   */
  public List<Match> match(EnrichedEvent event) {
    session.process(event);
    Correlator c = correlator;
    if (c != null) {
      c.process(event, matched);
    }
    if (matched.isEmpty()) {
      return List.of();
    }
    List<Match> out = List.copyOf(matched);
    matched.clear();
    return out;
  }

  /** Each enabled correlation's state in this session: keys held, evictions, expired windows. */
  public List<CompiledCorrelation.Stats> correlationStats() {
    Correlator c = correlator;
    return c == null ? List.of() : c.stats();
  }

  @Override
  public void close() {
    session.close();
    Correlator c = correlator;
    if (c != null) {
      c.close();
    }
  }
}
