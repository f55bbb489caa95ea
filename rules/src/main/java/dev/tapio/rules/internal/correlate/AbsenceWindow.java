package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.List;

/**
 * An absence: per key, the first step waiting for the second. The second step within {@code within}
 * answers it; the first event (of any type) later than that fires the correlation, with the
 * unanswered first step as the alert's event. Event time decides, so the alert comes with the next
 * event after the deadline, not on a wall-clock timer.
 */
final class AbsenceWindow extends StateMachine {

  private record Waiting(long deadline, EnrichedEvent event, Match.Step step) {}

  private final KeyedState<Waiting> state;

  AbsenceWindow(CompiledCorrelation c) {
    super(c);
    this.state = new KeyedState<>(c.maxKeys(), false, s -> {});
  }

  @Override
  KeyedState<?> state() {
    return state;
  }

  @Override
  public void advance(long now, List<Match> out) {
    state.sweep(
        w -> now > w.deadline(), w -> out.add(complete(w.event(), List.of(w.step()))), false);
  }

  @Override
  public void onMatch(EnrichedEvent event, long now, long matched, List<Match> out) {
    if ((matched & 2L) != 0) {
      Object key = c.steps().get(1).key(event);
      if (key != null) {
        state.remove(key);
      }
    }
    if ((matched & 1L) != 0) {
      Object key = c.steps().getFirst().key(event);
      if (key != null && state.get(key) == null) {
        state.put(key, new Waiting(now + within, event, step(0, event)));
      }
    }
  }
}
