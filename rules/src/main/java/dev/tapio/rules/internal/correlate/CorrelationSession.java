package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.drools.core.common.DefaultEventHandle;
import org.drools.core.time.TimerService;
import org.drools.model.Drools;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.time.SessionPseudoClock;

/**
 * One correlation's Drools session in stream mode (rules: {@link CorrelationRules}), on a pseudo
 * clock moved to each event's kernel time, so a replay or a rule test sees what the live engine
 * saw. Used by one thread.
 *
 * <p>The rules decide when a correlation completes; this class decides which step matches are worth
 * holding, and holds them in a key table bounded by {@code max_keys}: a sequence's next step only
 * for a key whose earlier steps are in (a first step again before the second replaces the first:
 * the latest start is the one that can still complete), a threshold's every match, an absence's
 * first step once per key and its second only for a key that waits. A new key beyond the bound
 * deletes the oldest key's facts (an eviction); a key whose facts the session expired is dropped
 * and counted as an expired window. Drools' own expiry is the clock of both: the table asks the
 * session whether a key's facts are still there.
 *
 * <p>Per event without a step match this costs one comparison: the session's clock moves, and its
 * rules run, only when a step matched or when the session's next timer (an expiry, an absence's
 * deadline) is due.
 */
public final class CorrelationSession implements CorrelationState {

  /** A key's facts in the session, in the order inserted. */
  private static final class Held {
    final List<StepMatch> facts = new ArrayList<>(4);
    final List<FactHandle> handles = new ArrayList<>(4);
  }

  private final CompiledCorrelation c;
  private final KieSession session;
  private final SessionPseudoClock clock;
  private final TimerService timers;
  private final KeyedState<Held> keys;
  private List<Match> out = new ArrayList<>();
  private long due = Long.MAX_VALUE;

  CorrelationSession(CompiledCorrelation c, KieBase base) {
    this.c = c;
    KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
    conf.setOption(ClockTypeOption.get("pseudo"));
    conf.setOption(ThreadSafeOption.NO);
    this.session = base.newKieSession(conf, null);
    this.session.setGlobal(CorrelationRules.GLOBAL, this);
    this.clock = session.getSessionClock();
    this.timers = (TimerService) clock;
    this.keys =
        new KeyedState<>(c.maxKeys(), c.kind() == CompiledCorrelation.Kind.THRESHOLD, this::drop);
  }

  @Override
  public CompiledCorrelation correlation() {
    return c;
  }

  /**
   * Moves event time to {@code now} when the session has something due by then: expired matches
   * leave, an absence whose window passed fires into {@code out}.
   */
  @Override
  public void advance(long now, List<Match> out) {
    if (now >= due && keys.size() > 0) {
      moveTo(now, out);
    }
  }

  @Override
  public void onMatch(EnrichedEvent event, long now, long matched, List<Match> out) {
    moveTo(now, out);
    switch (c.kind()) {
      case SEQUENCE -> sequence(event, now, matched);
      case THRESHOLD -> threshold(event, now);
      case ABSENCE -> absence(event, now, matched);
    }
    due = nextDue();
  }

  private void moveTo(long now, List<Match> out) {
    this.out = out;
    long lag = now - clock.getCurrentTime();
    if (lag > 0) {
      clock.advanceTime(lag, TimeUnit.MILLISECONDS); // the clock's unit is the nanosecond
    }
    if (now >= due) {
      session.fireAllRules();
      boolean newest = c.kind() == CompiledCorrelation.Kind.THRESHOLD;
      keys.sweep(h -> !alive(h, newest), this::drop, true);
    }
    due = nextDue();
  }

  private long nextDue() {
    long next = timers.getTimeToNextJob();
    long now = clock.getCurrentTime();
    return next < 0 || next > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + next;
  }

  private void sequence(EnrichedEvent event, long now, long matched) {
    for (int j = c.steps().size() - 1; j > 0; j--) {
      if ((matched & (1L << j)) == 0) {
        continue;
      }
      Object key = c.steps().get(j).key(event);
      Held h = key == null ? null : keys.get(key);
      if (key != null && h != null && h.facts.size() == j) {
        insert(h, j, key, now, event);
        return;
      }
    }
    if ((matched & 1L) != 0) {
      Object key = c.steps().getFirst().key(event);
      if (key == null) {
        return;
      }
      Held h = keys.get(key);
      if (h == null || h.facts.size() == 1) {
        if (h != null) {
          drop(h);
        }
        Held fresh = new Held();
        keys.put(key, fresh);
        insert(fresh, 0, key, now, event);
      }
    }
  }

  private void threshold(EnrichedEvent event, long now) {
    Object key = c.steps().getFirst().key(event);
    if (key == null) {
      return;
    }
    Held h = keys.get(key);
    if (h == null) {
      h = new Held();
      keys.put(key, h);
    }
    for (int i = h.handles.size() - 1; i >= 0; i--) {
      if (!alive(h.handles.get(i))) {
        h.handles.remove(i);
        h.facts.remove(i);
      }
    }
    insert(h, 0, key, now, event);
  }

  private void absence(EnrichedEvent event, long now, long matched) {
    if ((matched & 2L) != 0) {
      Object key = c.steps().get(1).key(event);
      Held h = key == null ? null : keys.get(key);
      if (key != null && h != null) {
        insert(h, 1, key, now, event);
      }
    }
    if ((matched & 1L) != 0) {
      Object key = c.steps().getFirst().key(event);
      if (key != null && keys.get(key) == null) {
        Held h = new Held();
        keys.put(key, h);
        insert(h, 0, key, now, event);
      }
    }
  }

  /**
   * Inserts the match and runs the rules, except for a sequence's step before its last: no rule of
   * a sequence completes before its last step is in, so those wait for the next run.
   */
  private void insert(Held h, int step, Object key, long now, EnrichedEvent event) {
    StepMatch m = new StepMatch(step, key, now, event);
    h.facts.add(m);
    h.handles.add(session.insert(m));
    if (c.kind() != CompiledCorrelation.Kind.SEQUENCE || step == c.steps().size() - 1) {
      session.fireAllRules();
    }
  }

  /** Deletes what of {@code h} is still in the session. */
  private void drop(Held h) {
    for (FactHandle f : h.handles) {
      if (alive(f)) {
        session.delete(f);
      }
    }
    h.handles.clear();
    h.facts.clear();
  }

  private static boolean alive(FactHandle f) {
    return f instanceof DefaultEventHandle e && e.isValid() && !e.isExpired();
  }

  /** Whether a key's window is still open: its first fact (a threshold: its newest) is in. */
  private static boolean alive(Held h, boolean newest) {
    return !h.handles.isEmpty() && alive(newest ? h.handles.getLast() : h.handles.getFirst());
  }

  private Match.Step step(StepMatch m) {
    return new Match.Step(c.steps().get(m.getStep()).name(), m.getEvent());
  }

  private void complete(EnrichedEvent trigger, List<StepMatch> steps) {
    out.add(
        new Match(
            c.rule(), trigger, new Match.Correlated(c, steps.stream().map(this::step).toList())));
  }

  /** Consequence of the sequence rule: every step matched, in order, in the window. */
  void sequenceCompleted(Drools drools, StepMatch first, StepMatch last) {
    Held h = keys.remove(first.getKey());
    List<StepMatch> steps = h == null ? List.of(first, last) : List.copyOf(h.facts);
    steps.forEach(drools::delete);
    complete(last.getEvent(), steps);
  }

  /** Consequence of the threshold rule: {@code count} matches of one key in the window. */
  void thresholdReached(Drools drools, List<StepMatch> matches) {
    List<StepMatch> counted = List.copyOf(matches); // deleting changes the accumulated list
    StepMatch any = counted.getFirst();
    Held h = keys.remove(any.getKey());
    List<StepMatch> steps =
        h == null ? counted : h.facts.stream().filter(counted::contains).toList();
    counted.forEach(drools::delete);
    complete(steps.getLast().getEvent(), steps);
  }

  /** Consequence of the absence's answer: the first step is answered in time. */
  void answered(Drools drools, StepMatch first, StepMatch second) {
    keys.remove(first.getKey());
    drools.delete(first);
    drools.delete(second);
  }

  /** Consequence of the absence: the first step's window passed unanswered. */
  void unanswered(Drools drools, StepMatch first) {
    keys.remove(first.getKey());
    drools.delete(first);
    complete(first.getEvent(), List.of(first));
  }

  @Override
  public CompiledCorrelation.Stats stats() {
    return new CompiledCorrelation.Stats(c.name(), keys.size(), keys.evicted(), keys.expired());
  }

  @Override
  public void close() {
    session.dispose();
  }
}
