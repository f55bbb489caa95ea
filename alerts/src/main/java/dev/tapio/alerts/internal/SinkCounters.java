package dev.tapio.alerts.internal;

import dev.tapio.alerts.DropReason;
import dev.tapio.alerts.SinkStats;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** The live counters of one sink. Thread-safe; {@link #snapshot} reads them all. */
public final class SinkCounters {
  static final String DROPPED = "%s: alerts dropped (%s), %d so far";
  private static final System.Logger LOG = System.getLogger("dev.tapio.alerts");
  private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

  private final String sink;
  private final LongAdder accepted = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder spooled = new LongAdder();
  private final Map<DropReason, Drops> dropped = new EnumMap<>(DropReason.class);

  /** The drops for one reason, and when they were last logged. */
  private record Drops(LongAdder count, AtomicLong lastWarned) {}

  public SinkCounters(String sink) {
    this.sink = sink;
    for (DropReason reason : DropReason.values()) {
      dropped.put(
          reason,
          new Drops(new LongAdder(), new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS)));
    }
  }

  public void accepted() {
    accepted.increment();
  }

  public void delivered(int count) {
    delivered.add(count);
  }

  public void retried(int count) {
    retried.add(count);
  }

  private volatile String lastError = "";

  /** Remembers why the last delivery attempt failed. */
  public void failed(Throwable error) {
    String message = error.getMessage();
    Throwable cause = error.getCause();
    if (cause != null && cause.getMessage() != null) {
      message = message + ": " + cause.getMessage();
    }
    lastError = error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  public void spooled(int count) {
    spooled.add(count);
  }

  /** Counts a final drop, and says so in the log at most once a minute per reason. */
  public void dropped(DropReason reason, int count) {
    if (count <= 0) {
      return;
    }
    Drops drops = drops(reason);
    LongAdder counter = drops.count();
    counter.add(count);
    AtomicLong warned = drops.lastWarned();
    long now = System.nanoTime();
    long last = warned.get();
    if (now - last >= WARN_INTERVAL_NANOS && warned.compareAndSet(last, now)) {
      LOG.log(
          System.Logger.Level.WARNING,
          () -> DROPPED.formatted(sink, reason.metricName(), counter.sum()));
    }
  }

  private Drops drops(DropReason reason) {
    return java.util.Objects.requireNonNull(dropped.get(reason));
  }

  public SinkStats snapshot(LongSupplier pending) {
    Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    for (DropReason reason : DropReason.values()) {
      drops.put(reason, drops(reason).count().sum());
    }
    return new SinkStats(
        sink,
        accepted.sum(),
        delivered.sum(),
        retried.sum(),
        spooled.sum(),
        pending.getAsLong(),
        drops,
        lastError);
  }
}
