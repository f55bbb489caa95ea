package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence: per key, the steps matched so far and when the first did. A first step again before
 * the second restarts the window (the latest start is the one that can still complete); once later
 * steps matched, it keeps its start. The window ends {@code within} after the first step.
 */
final class SequenceWindow extends StateMachine {

  private static final class Progress {
    final long start;
    final List<Match.Step> steps = new ArrayList<>(4);

    Progress(long start) {
      this.start = start;
    }
  }

  private final KeyedState<Progress> state;

  SequenceWindow(CompiledCorrelation c) {
    super(c);
    this.state = new KeyedState<>(c.maxKeys(), false, s -> {});
  }

  @Override
  KeyedState<?> state() {
    return state;
  }

  @Override
  public void advance(long now, List<Match> out) {
    state.sweep(p -> now - p.start > within, p -> {}, true);
  }

  @Override
  public void onMatch(EnrichedEvent event, long now, long matched, List<Match> out) {
    int last = c.steps().size() - 1;
    for (int j = last; j > 0; j--) {
      if ((matched & (1L << j)) == 0) {
        continue;
      }
      Object key = c.steps().get(j).key(event);
      if (key == null) {
        continue;
      }
      Progress p = state.get(key);
      if (p == null || p.steps.size() != j) {
        continue;
      }
      if (now - p.start > within) {
        state.expire(key);
        continue;
      }
      p.steps.add(step(j, event));
      if (j == last) {
        state.remove(key);
        out.add(complete(event, p.steps));
      }
      return;
    }
    if ((matched & 1L) != 0) {
      Object key = c.steps().getFirst().key(event);
      if (key == null) {
        return;
      }
      Progress p = state.get(key);
      if (p == null || p.steps.size() == 1 || now - p.start > within) {
        Progress fresh = new Progress(now);
        fresh.steps.add(step(0, event));
        state.put(key, fresh);
      }
    }
  }
}
