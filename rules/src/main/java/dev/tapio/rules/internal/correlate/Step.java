package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.drools.RuleCode;
import dev.tapio.rules.internal.fields.FieldAccessor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One step of a correlation, compiled.
 *
 * @param name the step's name ({@code %name.field} in outputs)
 * @param condition the compiled condition: the step's own, or the named rule's
 * @param ruleName the rule the step names, or null for a step with its own condition
 * @param keys the step's join-key fields, in the correlation's key order
 */
public record Step(
    String name, RuleCode condition, @Nullable String ruleName, List<FieldAccessor> keys) {

  public Step {
    keys = List.copyOf(keys);
  }

  /** Whether the step looks at events of {@code type} at all. */
  public boolean looksAt(String type) {
    return condition.anyEventType() || condition.eventTypes().contains(type);
  }

  public boolean test(EnrichedEvent event) {
    return condition.predicateFor(event.type()).test(event);
  }

  /** The join key of {@code event} for this step; null when a key field cannot be extracted. */
  public @Nullable Object key(EnrichedEvent event) {
    if (keys.size() == 1) {
      return keys.getFirst().get(event);
    }
    Object[] values = new Object[keys.size()];
    for (int i = 0; i < values.length; i++) {
      Object v = keys.get(i).get(event);
      if (v == null) {
        return null;
      }
      values[i] = v;
    }
    return List.of(values);
  }
}
