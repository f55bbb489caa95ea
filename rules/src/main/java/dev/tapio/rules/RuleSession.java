package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One long-lived Drools session over a compiled rule set: per event insert, fire, delete. Not
 * thread-safe: one session per matching thread. Building the rule set is the slow part; a session
 * is cheap.
 */
public final class RuleSession implements AutoCloseable {
  private final KieSession session;
  private final List<Alert> matched = new ArrayList<>();

  public RuleSession(CompiledRuleSet rules) {
    this.session = rules.newSession((rule, event) -> matched.add(alert(rule, event)));
  }

  /** The alerts {@code event} raises, in rule order; empty for almost every event. */
  public List<Alert> match(EnrichedEvent event) {
    FactHandle handle = session.insert(event);
    try {
      session.fireAllRules();
    } finally {
      session.delete(handle);
    }
    if (matched.isEmpty()) {
      return List.of();
    }
    List<Alert> out = List.copyOf(matched);
    matched.clear();
    return out;
  }

  /** The alert {@code rule} raises for {@code event}: output rendered, fields extracted. */
  public static Alert alert(CompiledRule rule, EnrichedEvent event) {
    return new Alert(
        UUID.randomUUID().toString(),
        rule.name(),
        rule.priority(),
        rule.output().render(event),
        rule.output().fields(event),
        rule.tags(),
        rule.source(),
        event.event().header().timeNanos(),
        event);
  }

  @Override
  public void close() {
    session.dispose();
  }
}
