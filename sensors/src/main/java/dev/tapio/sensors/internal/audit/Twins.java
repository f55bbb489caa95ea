package dev.tapio.sensors.internal.audit;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.spi.EventSink;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
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
 * has millisecond resolution and kauditd delivers late). The first one seen is passed on, its twin
 * is dropped; each event pairs with at most one twin, so repeated violations stay separate events.
 *
 * <p>Both the polling thread and the audit thread deliver here; {@link #accept} serialises them, so
 * the downstream sink still sees one caller at a time.
 */
public final class Twins implements EventSink {
  static final long WINDOW_NANOS = 3_000_000_000L;

  private record Seen(long timeNanos, boolean audit, @Nullable String object) {}

  private final EventSink downstream;
  private final Map<String, Deque<Seen>> unpaired = new HashMap<>();
  private long dropped;

  public Twins(EventSink downstream) {
    this.downstream = downstream;
  }

  @Override
  public synchronized void accept(Event event) {
    String key = key(event);
    if (key != null && pairedWithEarlier(key, event)) {
      dropped++;
      return;
    }
    downstream.accept(event);
  }

  /** Events dropped as the twin of an earlier one. */
  public synchronized long dropped() {
    return dropped;
  }

  private boolean pairedWithEarlier(String key, Event event) {
    long now = event.header().timeNanos();
    boolean audit = isAudit(event);
    String object = event instanceof LsmDenial d ? d.object() : null;
    Deque<Seen> seen = unpaired.computeIfAbsent(key, k -> new ArrayDeque<>());
    for (Iterator<Seen> it = seen.iterator(); it.hasNext(); ) {
      Seen s = it.next();
      if (Math.abs(now - s.timeNanos()) > WINDOW_NANOS) {
        it.remove();
      } else if (s.audit() != audit && sameObject(s.object(), object)) {
        it.remove();
        return true;
      }
    }
    seen.addLast(new Seen(now, audit, object));
    if (unpaired.size() > 4096) {
      unpaired.values().removeIf(d -> d.isEmpty() || now - d.peekLast().timeNanos() > WINDOW_NANOS);
    }
    return false;
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
