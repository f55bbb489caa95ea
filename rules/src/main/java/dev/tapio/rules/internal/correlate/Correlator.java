package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a rule set's correlations over a stream of events, in event time: each event's kernel
 * timestamp moves the windows, so a replay or a rule test sees what the live engine saw. One per
 * matching session, used by its thread only.
 *
 * <p>Per event it costs one look-up of the event type in a table built on first sight of each type
 * (the steps that look at it) and, for each correlation, a look at the head of its state to expire
 * what ran out; the steps' conditions run only on events of their types.
 */
public final class Correlator {

  /** A step of a correlation that looks at some event type. */
  private record Target(int correlation, int step) {}

  private static final Target[] NONE = new Target[0];

  private final List<CompiledCorrelation> correlations;
  private final Window[] windows;
  private final Map<String, Target[]> byType = new HashMap<>();

  public Correlator(List<CompiledCorrelation> correlations) {
    this.correlations = correlations.stream().filter(CompiledCorrelation::enabled).toList();
    this.windows = new Window[this.correlations.size()];
    for (int i = 0; i < windows.length; i++) {
      CompiledCorrelation c = this.correlations.get(i);
      windows[i] =
          switch (c.kind()) {
            case SEQUENCE -> new SequenceWindow(c);
            case THRESHOLD -> new ThresholdWindow(c);
            case ABSENCE -> new AbsenceWindow(c);
          };
    }
  }

  /**
   * Whether there is anything to run (no enabled correlation: the session skips the correlator).
   */
  public boolean isEmpty() {
    return windows.length == 0;
  }

  /** Advances every correlation by {@code event}; completed ones are added to {@code out}. */
  public void process(EnrichedEvent event, List<Match> out) {
    long now = event.event().header().timeNanos();
    for (Window w : windows) {
      w.expire(now, out);
    }
    Target[] targets = byType.computeIfAbsent(event.type(), this::targets);
    int i = 0;
    while (i < targets.length) {
      int c = targets[i].correlation();
      long matched = 0;
      for (; i < targets.length && targets[i].correlation() == c; i++) {
        int step = targets[i].step();
        if (correlations.get(c).steps().get(step).test(event)) {
          matched |= 1L << step;
        }
      }
      if (matched != 0) {
        windows[c].onMatch(event, now, matched, out);
      }
    }
  }

  private Target[] targets(String type) {
    List<Target> out = new ArrayList<>();
    for (int c = 0; c < correlations.size(); c++) {
      List<Step> steps = correlations.get(c).steps();
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
    for (int i = 0; i < windows.length; i++) {
      KeyedState<?> s = windows[i].state();
      out.add(
          new CompiledCorrelation.Stats(
              correlations.get(i).name(), s.size(), s.evicted(), s.expired()));
    }
    return out;
  }

  /** One correlation's state and how events move it. */
  abstract static sealed class Window permits SequenceWindow, ThresholdWindow, AbsenceWindow {
    final CompiledCorrelation c;
    final long within;

    Window(CompiledCorrelation c) {
      this.c = c;
      this.within = c.within().toNanos();
    }

    abstract KeyedState<?> state();

    /** Drops (or, for an absence, fires) what ran out by {@code now}. */
    abstract void expire(long now, List<Match> out);

    /** Steps {@code matched} (a bit per step) matched {@code event}. */
    abstract void onMatch(EnrichedEvent event, long now, long matched, List<Match> out);

    Match.Step step(int index, EnrichedEvent event) {
      return new Match.Step(c.steps().get(index).name(), event);
    }

    Match complete(EnrichedEvent trigger, List<Match.Step> steps) {
      return new Match(c.rule(), trigger, new Match.Correlated(c, steps));
    }
  }
}
