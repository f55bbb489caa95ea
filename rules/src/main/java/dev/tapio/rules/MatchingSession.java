package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A {@link RuleSession} that turns matches into {@link Alert}s: what the engine's pipeline, the
 * rule test runner and {@code tapio replay} use. Not thread-safe, like the session it wraps.
 */
public final class AlertingSession implements AutoCloseable {
  private final List<Alert> matched = new ArrayList<>();
  private final RuleSession session;

  public AlertingSession(CompiledRuleSet rules) {
    this.session = rules.newSession((rule, event) -> matched.add(alert(rule, event)));
  }

  /** The alerts {@code event} raises, in rule order; empty for almost every event. */
  public List<Alert> match(EnrichedEvent event) {
    session.process(event);
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
    session.close();
  }
}
