package dev.tapio.rules;

import dev.tapio.api.alert.Priority;
import java.util.List;
import java.util.Set;

/**
 * One rule, compiled.
 *
 * @param index its place in definition order (rule matching {@code first} picks the lowest)
 * @param condition the condition text as compiled (exceptions added, lists substituted)
 * @param eventTypes the event types it can match; when {@code anyEventType}, every type
 * @param anyEventType whether it can match every event type (Drools then does no type dispatch)
 * @param predicate the condition with macros expanded, evaluating Falco's semantics
 */
public record CompiledRule(
    int index,
    String name,
    String description,
    Priority priority,
    Set<String> tags,
    String source,
    boolean enabled,
    String condition,
    Set<String> eventTypes,
    boolean anyEventType,
    EventPredicate predicate,
    OutputFormat output) {

  public CompiledRule {
    tags = Set.copyOf(tags);
    eventTypes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(eventTypes));
  }

  /** The tags in a stable order. */
  public List<String> sortedTags() {
    return tags.stream().sorted().toList();
  }
}
