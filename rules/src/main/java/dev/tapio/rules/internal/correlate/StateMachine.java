package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.List;

/**
 * A correlation evaluated by a plain per-key state machine: the same semantics as its Drools
 * stream-mode rules ({@link CorrelationRules}), with the state in one bounded, insertion-ordered
 * key table whose head is the next window to run out, so expiry costs a look at one entry per
 * event.
 */
abstract sealed class StateMachine implements CorrelationState
    permits SequenceWindow, ThresholdWindow, AbsenceWindow {
  final CompiledCorrelation c;
  final long within;

  StateMachine(CompiledCorrelation c) {
    this.c = c;
    this.within = c.within().toNanos();
  }

  /** A correlation's state machine, by its kind. */
  static StateMachine of(CompiledCorrelation c) {
    return switch (c.kind()) {
      case SEQUENCE -> new SequenceWindow(c);
      case THRESHOLD -> new ThresholdWindow(c);
      case ABSENCE -> new AbsenceWindow(c);
    };
  }

  abstract KeyedState<?> state();

  @Override
  public CompiledCorrelation correlation() {
    return c;
  }

  @Override
  public CompiledCorrelation.Stats stats() {
    KeyedState<?> s = state();
    return new CompiledCorrelation.Stats(c.name(), s.size(), s.evicted(), s.expired());
  }

  @Override
  public void close() {}

  Match.Step step(int index, EnrichedEvent event) {
    return new Match.Step(c.steps().get(index).name(), event);
  }

  Match complete(EnrichedEvent trigger, List<Match.Step> steps) {
    return new Match(c.rule(), trigger, new Match.Correlated(c, steps));
  }
}
