package dev.tapio.app.pipeline;

import dev.tapio.api.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts events from several sensors back into time order. Each sensor has its own ring buffer, so an
 * {@code openat} can be read before the {@code execve} that preceded it; the process table must see
 * the exec first or the open is blamed on the old program. Events wait here until they are {@code
 * delay} older than the newest event seen (or than the clock, when nothing arrives), then leave
 * oldest first. Ties keep arrival order.
 */
final class ReorderBuffer {
  private record Entry(long time, long seq, Event event) {}

  private final long delayNanos;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.time != b.time ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
  private long seq;
  private long newest = Long.MIN_VALUE;

  ReorderBuffer(long delayNanos) {
    this.delayNanos = delayNanos;
  }

  void add(Event event) {
    long time = event.header().timeNanos();
    newest = Math.max(newest, time);
    queue.add(new Entry(time, seq++, event));
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
    return queue.size();
  }

  private List<Event> releaseUpTo(long watermark) {
    if (queue.isEmpty() || queue.peek().time > watermark) {
      return List.of();
    }
    List<Event> out = new ArrayList<>();
    while (!queue.isEmpty() && queue.peek().time <= watermark) {
      out.add(queue.poll().event);
    }
    return out;
  }
}
