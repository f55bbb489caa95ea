package dev.tapio.rules.internal.fields;

import dev.tapio.api.context.EnrichedEvent;
import org.jspecify.annotations.Nullable;

/** Reads one field (with its argument bound) from an event; null when it cannot be extracted. */
@FunctionalInterface
public interface FieldAccessor {
  @Nullable Object get(EnrichedEvent event);
}
