package dev.tapio.rules.internal.drools;

import dev.tapio.api.alert.Priority;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.rules.ConditionTrace;
import dev.tapio.rules.OutputFormat;
import dev.tapio.rules.internal.eval.EventPredicate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One rule as compiled, with the parts only the rule base uses: what {@link
 * dev.tapio.rules.CompiledRule} shows of it, plus its predicates and indexed checks.
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
 * @param trace explains the condition's value for an event
 * @param kernelFilter for each file-open type it can match, what an event must look like for the
 *     condition to hold (an over-approximation; the rule set unites them)
 */
public record RuleCode(
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
    Map<String, EventPredicate> predicatesByType,
    Map<String, List<IndexedCheck>> indexedChecks,
    OutputFormat output,
    ConditionTrace trace,
    KernelFilter kernelFilter) {

  public RuleCode {
    tags = Set.copyOf(tags);
    predicatesByType = Map.copyOf(predicatesByType);
    indexedChecks = Map.copyOf(indexedChecks);
    eventTypes = Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
  }

  /** The predicate to run for events of {@code type}. */
  public EventPredicate predicateFor(String type) {
    return predicatesByType.getOrDefault(type, predicate);
  }

  /** The checks every match of {@code type} passes, for the rule base to index; may be empty. */
  public List<IndexedCheck> indexedChecksFor(String type) {
    return indexedChecks.getOrDefault(type, List.of());
  }

  /** The same rule, enabled or not. */
  public RuleCode withEnabled(boolean enabled) {
    return new RuleCode(
        index,
        name,
        description,
        priority,
        tags,
        source,
        enabled,
        condition,
        eventTypes,
        anyEventType,
        predicate,
        predicatesByType,
        indexedChecks,
        output,
        trace,
        kernelFilter);
  }

  /** The same rule running {@code predicate}, and {@code predicatesByType} for its types. */
  public RuleCode withPredicates(
      EventPredicate predicate, Map<String, EventPredicate> predicatesByType) {
    return new RuleCode(
        index,
        name,
        description,
        priority,
        tags,
        source,
        enabled,
        condition,
        eventTypes,
        anyEventType,
        predicate,
        predicatesByType,
        indexedChecks,
        output,
        trace,
        kernelFilter);
  }
}
