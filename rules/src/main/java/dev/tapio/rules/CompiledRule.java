package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.filter.KernelFilter;
import dev.tapio.rules.internal.drools.RuleCode;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One rule, compiled: its name, priority, tags, output and the event types it can match. How its
 * condition runs (predicates, indexed checks) stays inside the rules module, in the {@link
 * RuleCode} this wraps.
 */
public final class CompiledRule {
  private final RuleCode code;

  CompiledRule(RuleCode code) {
    this.code = code;
  }

  /** Its place in definition order (rule matching {@code first} picks the lowest). */
  public int index() {
    return code.index();
  }

  public String name() {
    return code.name();
  }

  public String description() {
    return code.description();
  }

  public Priority priority() {
    return code.priority();
  }

  public Set<String> tags() {
    return code.tags();
  }

  public String source() {
    return code.source();
  }

  public boolean enabled() {
    return code.enabled();
  }

  /** The condition text as compiled (exceptions added, lists substituted). */
  public String condition() {
    return code.condition();
  }

  /** The event types it can match; when {@link #anyEventType}, every type. */
  public Set<String> eventTypes() {
    return code.eventTypes();
  }

  /** Whether it can match every event type. */
  public boolean anyEventType() {
    return code.anyEventType();
  }

  public OutputFormat output() {
    return code.output();
  }

  /**
   * For each file-open type it can match, what an event must look like for the condition to hold
   * (an over-approximation; {@link CompiledRuleSet#kernelFilter()} unites them).
   */
  public KernelFilter kernelFilter() {
    return code.kernelFilter();
  }

  /** The same rule, enabled or not. */
  public CompiledRule withEnabled(boolean enabled) {
    return enabled == enabled() ? this : new CompiledRule(code.withEnabled(enabled));
  }

  /**
   * Why the condition is false (or true) for {@code event}: the deciding path through the condition
   * with the field values seen, one line per check; see {@link ConditionTrace}. Slower than
   * matching: for explaining results, not matching.
   */
  public List<String> explain(EnrichedEvent event) {
    return code.trace().explain(event);
  }

  /**
   * The alert this rule raises for {@code event}, under {@code id}: the output rendered and the
   * output fields extracted from the event as it is now. The one place an {@link Alert} is made
   * from a rule.
   */
  public Alert alert(EnrichedEvent event, String id) {
    return new Alert(
        id,
        name(),
        priority(),
        output().render(event),
        output().fields(event),
        tags(),
        source(),
        event.event().header().timeNanos(),
        event);
  }

  /** The tags in a stable order. */
  public List<String> sortedTags() {
    return tags().stream().sorted().toList();
  }

  /** The rule as the rule base runs it. */
  RuleCode code() {
    return code;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CompiledRule other && code.equals(other.code);
  }

  @Override
  public int hashCode() {
    return code.hashCode();
  }

  @Override
  public String toString() {
    return "CompiledRule[" + code.name() + "]";
  }
}
