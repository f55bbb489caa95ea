package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.drools.IndexedCheck;
import dev.tapio.rules.internal.eval.EventPredicate;
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
 * @param predicatesByType for each of {@code eventTypes}, the predicate folded for that type (its
 *     {@code evt.type} checks decided): what the Drools rule for that type runs
 * @param indexedChecks for each of {@code eventTypes}, the equality checks every match of that type
 *     passes, which the rule base indexes (see {@link IndexedCheck})
 * @param trace explains the condition's value for an event (see {@link #explain})
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
    java.util.Map<String, EventPredicate> predicatesByType,
    java.util.Map<String, List<IndexedCheck>> indexedChecks,
    OutputFormat output,
    ConditionTrace trace) {

  public CompiledRule {
    tags = Set.copyOf(tags);
    predicatesByType = java.util.Map.copyOf(predicatesByType);
    indexedChecks = java.util.Map.copyOf(indexedChecks);
    eventTypes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(eventTypes));
  }

  /** The predicate to run for events of {@code type}. */
  public EventPredicate predicateFor(String type) {
    return predicatesByType.getOrDefault(type, predicate);
  }

  /** The checks every match of {@code type} passes, for the rule base to index; may be empty. */
  public List<IndexedCheck> indexedChecksFor(String type) {
    return indexedChecks.getOrDefault(type, List.of());
  }

  /**
   * Why the condition is false (or true) for {@code event}: the deciding path through the condition
   * with the field values seen, one line per check; see {@link ConditionTrace}. Slower than {@link
   * #predicate}: for explaining results, not matching.
   */
  public List<String> explain(EnrichedEvent event) {
    return trace.explain(event);
  }

  /**
   * The alert this rule raises for {@code event}, under {@code id}: the output rendered and the
   * output fields extracted from the event as it is now. The one place an {@link Alert} is made
   * from a rule.
   */
  public Alert alert(EnrichedEvent event, String id) {
    return new Alert(
        id,
        name,
        priority,
        output.render(event),
        output.fields(event),
        tags,
        source,
        event.event().header().timeNanos(),
        event);
  }

  /** The tags in a stable order. */
  public List<String> sortedTags() {
    return tags.stream().sorted().toList();
  }
}
