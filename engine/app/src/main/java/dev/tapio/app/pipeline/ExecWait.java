package dev.tapio.app.pipeline;

import dev.tapio.api.event.Event;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Events that arrived before the exec of the program that made them. Each sensor has its own ring;
 * a process's {@code openat} can be read before its {@code execve} by more than the reorder delay
 * when the process sensor's ring is read late, and enriched then, it would name the program before
 * the exec. The kernel stamps every record with the task's exec count, so such an event is known
 * for what it is: it waits here, with every later event of its process (their order kept), until an
 * exec or fork of that process has been applied, or for at most {@link #WAIT_NANOS}. An exec that
 * never comes (its record dropped) costs that process's events the wait, counted in {@link
 * #timedOut()}, and they are then enriched as the table knows the process.
 *
 * <p>Only the pipeline thread changes it; its counters may be read from any thread.
 */
final class ExecWait {
  /** The longest an event waits for its exec: well beyond any ring read late but not lost. */
  static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  /**
   * Events held at most, all processes together; beyond it an event is not held, and names the
   * program before its exec (or, behind its process's held events, runs ahead of them).
   */
  static final int MAX_HELD = 16_384;

  private record Held(long deadline, List<Event> events) {}

  private final ExecTracker execs;
  private final Map<Integer, Held> byPid = new LinkedHashMap<>();
  private int size;
  private final AtomicLong waited = new AtomicLong();
  private final AtomicLong timedOut = new AtomicLong();
  private final AtomicLong overflow = new AtomicLong();

  ExecWait(ExecTracker execs) {
    this.execs = execs;
  }

  /**
   * Holds {@code event} when it must wait: its process already has events held, or it is ahead of
   * the process table. Returns whether it was held.
   */
  boolean hold(Event event, LongSupplier clock) {
    Held held = byPid.isEmpty() ? null : byPid.get(event.header().pid());
    if (held == null && !execs.awaitsExec(event)) {
      return false; // the common case: one table lookup
    }
    if (size >= MAX_HELD) {
      overflow.incrementAndGet();
      return false;
    }
    if (held == null) {
      held = new Held(clock.getAsLong() + WAIT_NANOS, new ArrayList<>());
      byPid.put(event.header().pid(), held);
    }
    held.events.add(event);
    size++;
    waited.incrementAndGet();
    return true;
  }

  /** The events held for {@code pid}, in arrival order, after its exec or fork was applied. */
  List<Event> release(int pid) {
    if (byPid.isEmpty()) {
      return List.of();
    }
    Held held = byPid.remove(pid);
    if (held == null) {
      return List.of();
    }
    size -= held.events.size();
    return held.events;
  }

  /**
   * The events whose wait is over at {@code nowNanos}, process by process; each process is then
   * taken as it is now ({@link ExecTracker#execMissed}), so its later events need not wait.
   */
  List<Event> expired(long nowNanos) {
    if (byPid.isEmpty()) {
      return List.of();
    }
    List<Event> out = new ArrayList<>();
    for (Iterator<Held> it = byPid.values().iterator(); it.hasNext(); ) {
      Held held = it.next();
      if (held.deadline - nowNanos <= 0) {
        it.remove();
        execs.execMissed(held.events.getFirst());
        out.addAll(held.events);
        size -= held.events.size();
        timedOut.addAndGet(held.events.size());
      }
    }
    return out;
  }

  /** Everything held, process by process (at shutdown). */
  List<Event> drain() {
    List<Event> out = new ArrayList<>(size);
    byPid.values().forEach(h -> out.addAll(h.events));
    byPid.clear();
    size = 0;
    return out;
  }

  /** When the first wait ends, or {@link Long#MAX_VALUE} when nothing is held. */
  long nextDueNanos() {
    long due = Long.MAX_VALUE;
    for (Held held : byPid.values()) {
      due = Math.min(due, held.deadline);
    }
    return due;
  }

  /** Events held now. */
  int size() {
    return size;
  }

  /** Events that waited for their exec, ever. */
  long waited() {
    return waited.get();
  }

  /** Events whose exec did not come within {@link #WAIT_NANOS}. */
  long timedOut() {
    return timedOut.get();
  }

  /** Events not held because {@link #MAX_HELD} were waiting already. */
  long overflow() {
    return overflow.get();
  }
}
