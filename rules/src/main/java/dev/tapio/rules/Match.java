package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.UUID;

/**
 * A rule that matched an event: what matching yields, cheaply, with nothing rendered yet. The
 * engine completes the event's container and pod details first ({@link #with}) and renders the
 * alert once, at the end ({@link #render}).
 */
public record Match(CompiledRule rule, EnrichedEvent event) {

  /** The same match for a more complete copy of its event. */
  public Match with(EnrichedEvent completed) {
    return new Match(rule, completed);
  }

  /** The alert, under a fresh id: the rule's output rendered and its fields extracted. */
  public Alert render() {
    return rule.alert(event, UUID.randomUUID().toString());
  }
}
