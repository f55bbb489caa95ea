package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;

/**
 * Runs a rule set's correlations over a stream of events, in event time: each event's kernel
 * timestamp is the time of the correlations' state ({@link CorrelationState}: a Drools stream
 * session or a state machine), so a replay or a rule test sees what the live engine saw. One per
 * matching session, used by its thread only; close it to dispose of the Drools sessions.
 *
 * <p>Per event it costs one look-up of the event type in a table built on first sight of each type
 * (the steps that look at it) and, for each correlation, one comparison with the time its session
 * next has something due; the steps' conditions run only on events of their types, and only an
 * event that matches a step enters a Drools session.
 */
public final class Correlator implements AutoCloseable {

  /** A step of a correlation that looks at some event type. */
  private record Target(int correlation, int step) {}

  /**
   * An enabled correlation and, when Drools evaluates it, its rule base, built with the rule set.
   */
  public record Compiled(CompiledCorrelation correlation, @Nullable KieBase base) {

    CorrelationState open() {
      KieBase b = base;
      return b == null ? StateMachine.of(correlation) : new CorrelationSession(correlation, b);
    }
  }

  private static final Target[] NONE = new Target[0];

  private final CorrelationState[] sessions;
  private final Map<String, Target[]> byType = new HashMap<>();

  public Correlator(List<Compiled> correlations) {
    this.sessions = new CorrelationState[correlations.size()];
    for (int i = 0; i < sessions.length; i++) {
      sessions[i] = correlations.get(i).open();
    }
  }

  /**
   * {@code correlations}' enabled ones, with their Drools rule bases when {@code evaluator} is
   * {@link CompiledCorrelation.Evaluator#DROOLS_STREAM} (off the hot path: milliseconds each).
   */
  public static List<Compiled> compile(
      List<CompiledCorrelation> correlations, CompiledCorrelation.Evaluator evaluator) {
    return correlations.stream()
        .filter(CompiledCorrelation::enabled)
        .map(
            c ->
                new Compiled(
                    c,
                    evaluator == CompiledCorrelation.Evaluator.DROOLS_STREAM
                        ? CorrelationRules.build(c)
                        : null))
        .toList();
  }

  /**
   * Whether there is anything to run (no enabled correlation: the session skips the correlator).
   */
  public boolean isEmpty() {
    return sessions.length == 0;
  }

  /** Advances every correlation by {@code event}; completed ones are added to {@code out}. */
  public void process(EnrichedEvent event, List<Match> out) {
    long now = event.event().header().timeNanos();
    for (CorrelationState s : sessions) {
      s.advance(now, out);
    }
    Target[] targets = byType.computeIfAbsent(event.type(), this::targets);
    int i = 0;
    while (i < targets.length) {
      int c = targets[i].correlation();
      List<Step> steps = sessions[c].correlation().steps();
      long matched = 0;
      for (; i < targets.length && targets[i].correlation() == c; i++) {
        int step = targets[i].step();
        if (steps.get(step).test(event)) {
          matched |= 1L << step;
        }
      }
      if (matched != 0) {
        sessions[c].onMatch(event, now, matched, out);
      }
    }
  }

  private Target[] targets(String type) {
    List<Target> out = new ArrayList<>();
    for (int c = 0; c < sessions.length; c++) {
      List<Step> steps = sessions[c].correlation().steps();
      for (int s = 0; s < steps.size(); s++) {
        if (steps.get(s).looksAt(type)) {
          out.add(new Target(c, s));
        }
      }
    }
    return out.isEmpty() ? NONE : out.toArray(Target[]::new);
  }

  /** Keys held, evictions and expiries of each enabled correlation, in definition order. */
  public List<CompiledCorrelation.Stats> stats() {
    List<CompiledCorrelation.Stats> out = new ArrayList<>();
    for (CorrelationState s : sessions) {
      out.add(s.stats());
    }
    return out;
  }

  @Override
  public void close() {
    for (CorrelationState s : sessions) {
      s.close();
    }
  }
}
