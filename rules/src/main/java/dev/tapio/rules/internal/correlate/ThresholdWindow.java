package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A threshold: per key, the times of the step's latest matches (at most {@code count}); {@code
 * count} of them within {@code within} fire once and start over. Keys are kept in the order they
 * were last matched, so a key silent for a whole window is the first to expire.
 */
final class ThresholdWindow extends StateMachine {

  private record Seen(long time, Match.Step step) {}

  private final KeyedState<ArrayDeque<Seen>> state;

  ThresholdWindow(CompiledCorrelation c) {
    super(c);
    this.state = new KeyedState<>(c.maxKeys(), true, s -> {});
  }

  @Override
  KeyedState<?> state() {
    return state;
  }

  @Override
  public void advance(long now, List<Match> out) {
    state.sweep(q -> now - q.getLast().time() > within, q -> {}, true);
  }

  @Override
  public void onMatch(EnrichedEvent event, long now, long matched, List<Match> out) {
    Object key = c.steps().getFirst().key(event);
    if (key == null) {
      return;
    }
    ArrayDeque<Seen> seen = state.get(key);
    if (seen == null) {
      seen = new ArrayDeque<>(Math.min(c.count(), 16));
      state.put(key, seen);
    }
    while (!seen.isEmpty() && now - seen.getFirst().time() > within) {
      seen.removeFirst();
    }
    seen.addLast(new Seen(now, step(0, event)));
    if (seen.size() >= c.count()) {
      state.remove(key);
      out.add(complete(event, seen.stream().map(Seen::step).toList()));
    }
  }
}
