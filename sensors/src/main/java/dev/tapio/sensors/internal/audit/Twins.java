package dev.tapio.sensors.internal.audit;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.spi.EventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * One event per violation when the kernel shows it twice: a seccomp kill or trap raises a SIGSYS
 * (seen by the BPF sensor) and, for kill and log and filters with SECCOMP_FILTER_FLAG_LOG, an audit
 * record; an errno refusal can have an audit record too; an LSM denial has its errno return and
 * possibly the module's record.
 *
 * <p>Two events are twins when one came from the BPF sensors and the other from audit, they name
 * the same process and the same syscall (seccomp) or the same object (LSM; any object when audit
 * did not name one), and their times are within {@link #WINDOW_NANOS} of each other (audit's clock
 * has millisecond resolution and kauditd delivers late). Each event pairs with at most one twin, so
 * repeated violations stay separate events.
 *
 * <p>The sensor's event is the one passed on: it carries the task's cgroup and namespaces as the
 * kernel saw them, where an audit record carries a pid whose task a kill may already have reaped.
 * The audit group is often read before the ring buffer that holds the twin, so an audit record is
 * held for {@link #HOLD} first: a sensor twin arriving meanwhile replaces it; otherwise it goes on
 * alone when its hold is over ({@link #releaseDue}, called by the audit thread at least every time
 * its socket wait times out). A sensor twin read even later than that is then dropped: one event
 * either way, never two.
 *
 * <p>Both the polling thread and the audit thread deliver here; the methods are synchronized, so
 * the downstream sink still sees one caller at a time.
 */
public final class Twins implements EventSink {
  static final long WINDOW_NANOS = 3_000_000_000L;

  /**
   * How long an audit record waits for its sensor twin: the ring buffers are polled with a 100 ms
   * timeout but woken by data, so a twin that exists is read within a few milliseconds of the
   * record; twice the pipeline's reorder delay leaves room for a loaded machine. Outlasting the
   * reorder delay matters for a record without twin too: the exec of the program it reports (its
   * coarse audit stamp can even precede it) has then left the reorder buffer and is in the process
   * table when the record is enriched.
   */
  public static final Duration HOLD = Duration.ofMillis(100);

  private record Seen(long timeNanos, boolean audit, @Nullable String object) {}

  private record Held(String key, Event event, long releaseAt) {}

  private final EventSink downstream;
  private final long holdNanos;
  private final LongSupplier clock;
  private final Map<String, Deque<Seen>> unpaired = new HashMap<>();
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private long dropped;

  public Twins(EventSink downstream) {
    this(downstream, HOLD, System::nanoTime);
  }

  /**
   * @param hold how long an audit record waits for its sensor twin
   * @param clock monotonic nanoseconds, for the holds
   */
  public Twins(EventSink downstream, Duration hold, LongSupplier clock) {
    this.downstream = downstream;
    this.holdNanos = hold.toNanos();
    this.clock = clock;
  }

  @Override
  public synchronized void accept(Event event) {
    if (!held.isEmpty()) {
      releaseDue();
    }
    String key = key(event);
    if (key == null) {
      downstream.accept(event);
    } else if (isAudit(event)) {
      if (pairedWithEarlier(key, event, false)) {
        dropped++;
      } else {
        held.addLast(new Held(key, event, clock.getAsLong() + holdNanos));
      }
    } else if (replacesHeld(key, event)) {
      dropped++;
      downstream.accept(event);
    } else if (pairedWithEarlier(key, event, true)) {
      dropped++;
    } else {
      downstream.accept(event);
    }
  }

  /** Passes on the audit records whose hold is over, no sensor twin having come. */
  public synchronized void releaseDue() {
    long now = clock.getAsLong();
    while (!held.isEmpty() && held.peekFirst().releaseAt() - now <= 0) {
      release(held.pollFirst());
    }
  }

  /** Passes on every audit record still held (at shutdown). */
  public synchronized void releaseAll() {
    while (!held.isEmpty()) {
      release(held.pollFirst());
    }
  }

  /** Audit records waiting for their sensor twin. */
  public synchronized int holding() {
    return held.size();
  }

  /** Events dropped as the twin of another. */
  public synchronized long dropped() {
    return dropped;
  }

  private void release(Held h) {
    remember(h.key(), h.event(), true);
    downstream.accept(h.event());
  }

  /** Whether a held audit record is {@code event}'s twin; if so it is dropped. */
  private boolean replacesHeld(String key, Event event) {
    long now = event.header().timeNanos();
    for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
      Held h = it.next();
      if (h.key().equals(key)
          && Math.abs(now - h.event().header().timeNanos()) <= WINDOW_NANOS
          && sameObject(object(h.event()), object(event))) {
        it.remove();
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an event passed on earlier from the other source is {@code event}'s twin (consuming
   * it); else remembers {@code event} as passed on when {@code passing}.
   */
  private boolean pairedWithEarlier(String key, Event event, boolean passing) {
    long now = event.header().timeNanos();
    boolean audit = isAudit(event);
    Deque<Seen> seen = unpaired.get(key);
    if (seen != null) {
      for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
        Seen s = it.next();
        if (Math.abs(now - s.timeNanos()) > WINDOW_NANOS) {
          it.remove();
        } else if (s.audit() != audit && sameObject(s.object(), object(event))) {
          it.remove();
          return true;
        }
      }
    }
    if (passing) {
      remember(key, event, audit);
    }
    return false;
  }

  private void remember(String key, Event event, boolean audit) {
    long now = event.header().timeNanos();
    unpaired
        .computeIfAbsent(key, k -> new ArrayDeque<>())
        .addLast(new Seen(now, audit, object(event)));
    if (unpaired.size() > 4096) {
      unpaired.values().removeIf(d -> d.isEmpty() || now - d.peekLast().timeNanos() > WINDOW_NANOS);
    }
  }

  private static @Nullable String object(Event e) {
    return e instanceof LsmDenial d ? d.object() : null;
  }

  private static boolean sameObject(@Nullable String a, @Nullable String b) {
    return a == null || b == null || a.equals(b);
  }

  private static boolean isAudit(Event e) {
    return switch (e) {
      case SeccompViolation v -> v.source() == SeccompViolation.Source.AUDIT;
      case LsmDenial d -> d.source() == LsmDenial.Source.AUDIT;
      default -> false;
    };
  }

  private static @Nullable String key(Event e) {
    return switch (e) {
      case SeccompViolation v -> "seccomp:" + v.header().pid() + ":" + v.syscallNr();
      case LsmDenial d -> "lsm:" + d.header().pid();
      default -> null;
    };
  }
}
