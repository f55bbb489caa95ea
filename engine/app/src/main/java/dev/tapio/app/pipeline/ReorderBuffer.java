package dev.tapio.app.pipeline;

import dev.tapio.api.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Puts events from several sensors back into time order. Each sensor has its own ring buffer, so an
 * {@code openat} can be read before the {@code execve} that preceded it; the process table must see
 * the exec first or the open is blamed on the old program. Events wait here until they are {@code
 * delay} older than the newest event seen (or than the clock, when nothing arrives), then leave
 * oldest first. Ties keep arrival order.
 *
 * <p>Almost every event arrives no older than the one before it; those go to the end of a queue
 * that is already in order, without an allocation or a comparison. Only an event older than the
 * last queued one (from another ring, read late) goes to a heap; the two are merged on release.
 */
final class ReorderBuffer {
  private record Entry(long time, long seq, Event event) {}

  private final long delayNanos;
  private final PriorityQueue<Entry> late =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));

  /** The in-order queue: a ring of events with their times and arrival numbers. */
  private @Nullable Event[] events = new Event[1024];

  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private int head;
  private int count;

  private long seq;
  private long newest = Long.MIN_VALUE;
  private long lastInOrder = Long.MIN_VALUE;

  ReorderBuffer(long delayNanos) {
    this.delayNanos = delayNanos;
  }

  void add(Event event) {
    long time = event.header().timeNanos();
    newest = Math.max(newest, time);
    if (time >= lastInOrder) {
      if (count == events.length) {
        grow();
      }
      int at = (head + count) & (events.length - 1);
      events[at] = event;
      times[at] = time;
      seqs[at] = seq++;
      count++;
      lastInOrder = time;
    } else {
      late.add(new Entry(time, seq++, event));
    }
  }

  /** Events older than the newest seen by more than the delay, oldest first. */
  List<Event> ready() {
    return releaseUpTo(newest - delayNanos);
  }

  /** Events older than {@code nowNanos} by more than the delay: for when nothing new arrives. */
  List<Event> readyAt(long nowNanos) {
    return releaseUpTo(Math.max(newest, nowNanos) - delayNanos);
  }

  /** Everything, oldest first (at shutdown). */
  List<Event> drain() {
    return releaseUpTo(Long.MAX_VALUE);
  }

  int size() {
    return count + late.size();
  }

  /**
   * When the oldest event held becomes ready if nothing newer arrives (its time plus the delay, on
   * the events' clock), or {@link Long#MAX_VALUE} when nothing is held: the pipeline thread sleeps
   * until then instead of ticking.
   */
  long nextDueNanos() {
    long oldest = Long.MAX_VALUE;
    if (count > 0) {
      oldest = times[head];
    }
    Entry l = late.peek();
    if (l != null && l.time < oldest) {
      oldest = l.time;
    }
    return oldest == Long.MAX_VALUE ? Long.MAX_VALUE : oldest + delayNanos;
  }

  private List<Event> releaseUpTo(long watermark) {
    List<Event> out = List.of();
    while (true) {
      Entry l = late.peek();
      boolean fromQueue;
      if (count > 0 && l != null) {
        long t = times[head];
        fromQueue = t < l.time || (t == l.time && seqs[head] < l.seq);
      } else if (count > 0) {
        fromQueue = true;
      } else if (l != null) {
        fromQueue = false;
      } else {
        return out;
      }
      long time = fromQueue ? times[head] : l.time;
      if (time > watermark) {
        return out;
      }
      if (out.isEmpty()) {
        out = new ArrayList<>();
      }
      if (fromQueue) {
        out.add(Objects.requireNonNull(events[head]));
        events[head] = null;
        head = (head + 1) & (events.length - 1);
        count--;
      } else {
        out.add(late.poll().event);
      }
    }
  }

  private void grow() {
    int n = events.length;
    @Nullable Event[] e = new Event[2 * n];
    long[] t = new long[2 * n];
    long[] s = new long[2 * n];
    for (int i = 0; i < count; i++) {
      int from = (head + i) & (n - 1);
      e[i] = events[from];
      t[i] = times[from];
      s[i] = seqs[from];
    }
    events = e;
    times = t;
    seqs = s;
    head = 0;
  }
}
