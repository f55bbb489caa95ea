package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.correlate.EventIds;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule that matched an event, or a correlation that completed: what matching yields, cheaply,
 * with nothing rendered yet. The engine completes the event's container and pod details first
 * ({@link #with}) and renders the alert once, at the end ({@link #render}).
 *
 * @param rule the rule; for a correlation, the correlation seen as a rule ({@link
 *     CompiledCorrelation#rule()})
 * @param event the event matched; for a correlation, the event that completed it
 * @param correlated for a correlation, its steps; null for a rule match
 */
public record Match(CompiledRule rule, EnrichedEvent event, @Nullable Correlated correlated) {

  /** A rule match. */
  public Match(CompiledRule rule, EnrichedEvent event) {
    this(rule, event, null);
  }

  /**
   * One step of a completed correlation.
   *
   * @param name the step's name
   * @param event the step's event
   */
  public record Step(String name, EnrichedEvent event) {

    /**
     * The id of the step's event (see {@code correlation.<step>.id} in docs/correlation-rules.md),
     * derived when asked, as rendering does: most steps never complete a correlation.
     */
    public String id() {
      return EventIds.event(event);
    }
  }

  /** A completed correlation and the events of its steps, in order. */
  public record Correlated(CompiledCorrelation correlation, List<Step> steps) {
    public Correlated {
      steps = List.copyOf(steps);
    }
  }

  /** The same match for a more complete copy of its event. */
  public Match with(EnrichedEvent completed) {
    return new Match(rule, completed, correlated);
  }

  /** The alert, under a fresh id: the rule's output rendered and its fields extracted. */
  public Alert render() {
    String id = UUID.randomUUID().toString();
    Correlated c = correlated;
    return c == null ? rule.alert(event, id) : c.correlation().alert(event, c.steps(), id);
  }
}
