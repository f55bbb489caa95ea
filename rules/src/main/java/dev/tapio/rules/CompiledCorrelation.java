package dev.tapio.rules;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.correlate.CorrelationExplainer;
import dev.tapio.rules.internal.correlate.CorrelationOutput;
import dev.tapio.rules.internal.correlate.Step;
import dev.tapio.rules.internal.drools.RuleCode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One correlation rule, compiled: steps over time, joined by key fields, within a window of event
 * time. A session's correlator (see {@link MatchingSession}) keeps its per-key state; a correlation
 * that completes yields a {@link Match} whose {@link Match#correlated()} lists the steps' events.
 *
 * @param index its place among the correlations, in definition order
 * @param steps the steps, in order (one for a threshold, two for an absence)
 * @param by the join keys as written (a field, or {@code step: field} pairs)
 * @param within the window, in event time
 * @param count for a threshold, how many matches within the window fire it; else 1
 * @param maxKeys how many keys state is kept for at most; the oldest is evicted beyond that
 * @param ruleCode the correlation seen as a rule (see {@link #rule()})
 */
public record CompiledCorrelation(
    int index,
    String name,
    String description,
    Kind kind,
    List<Step> steps,
    List<String> by,
    Duration within,
    int count,
    int maxKeys,
    Priority priority,
    Set<String> tags,
    boolean enabled,
    CorrelationOutput output,
    RuleCode ruleCode) {

  /** How the steps combine. */
  public enum Kind {
    /** every step, in order, within the window from the first */
    SEQUENCE,
    /** the one step {@code count} times within the window */
    THRESHOLD,
    /** the first step not followed by the second within the window */
    ABSENCE
  }

  /**
   * What evaluates correlations in a matching session. Both give the same alerts for the same
   * events (an equivalence test runs them side by side); they differ in cost.
   */
  public enum Evaluator {
    /**
     * Per correlation a plain state machine over a bounded key table: the default, because it
     * measured faster in the correlation soak (docs/performance-engine.md).
     */
    STATE_MACHINE,
    /**
     * Per correlation Drools stream-mode rules over step-match events on a pseudo clock at the
     * kernel time, windows ending through {@code @expires} (docs/correlation-rules.md).
     */
    DROOLS_STREAM;

    /** The evaluator rule sets are built with unless told otherwise. */
    public static final Evaluator DEFAULT = STATE_MACHINE;
  }

  /**
   * A correlation's state in one session.
   *
   * @param keys keys with state now
   * @param evicted keys dropped because {@code max_keys} were held (their windows lost)
   * @param expired windows that ran out without completing
   */
  public record Stats(String correlation, int keys, long evicted, long expired) {}

  /**
   * The correlation seen as a rule (name, priority, tags, the event types of its steps), for what
   * treats every match alike; it never matches an event on its own.
   */
  public CompiledRule rule() {
    return new CompiledRule(ruleCode);
  }

  /** Keys kept per correlation when {@code max_keys} is not given. */
  public static final int DEFAULT_MAX_KEYS = 10_000;

  public CompiledCorrelation {
    steps = List.copyOf(steps);
    by = List.copyOf(by);
    tags = Set.copyOf(tags);
  }

  /**
   * Why the correlation's steps match {@code event} or not: a line per step, with the event's key
   * when it matches and the step condition's deciding path when not. For explaining, not matching.
   */
  public List<String> explain(EnrichedEvent event) {
    return CorrelationExplainer.explain(this, event);
  }

  /** Over all of {@code events}: which step never matched, or what else kept it from firing. */
  public List<String> explain(List<EnrichedEvent> events) {
    return CorrelationExplainer.summary(this, events);
  }

  /**
   * The alert this correlation raises when its steps matched {@code steps} and {@code trigger} (the
   * event that completed it, or for an absence the unanswered first step) is the alert's event: the
   * output rendered with each step's fields, the steps' ids added as output fields. The one place
   * an {@link Alert} is made from a correlation.
   */
  public Alert alert(EnrichedEvent trigger, List<Match.Step> steps, String id) {
    return new Alert(
        id,
        name,
        priority,
        output.render(trigger, steps),
        output.fields(trigger, steps),
        tags,
        ruleCode.source(),
        trigger.event().header().timeNanos(),
        trigger);
  }
}
