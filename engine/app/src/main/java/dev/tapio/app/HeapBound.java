package dev.tapio.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the old generation near its live size. The engine runs Serial GC on a heap that may grow to
 * -Xmx (tapio.jvmopts), and Serial collects its old generation only when that generation can no
 * longer grow: objects that outlive the small young generation by a little (events waiting in the
 * reorder buffer, alerts waiting for container metadata) are promoted and pile up as garbage, ~3
 * MiB a minute in a build-like mix, resident until -Xmx is reached. So when the old generation
 * holds {@link #headroom} more than it did after the last full collection, this runs one (on its
 * own thread, {@code tapio-heap-bound}): tens of milliseconds for a live set of ~15–20 MiB, every
 * few minutes. A heap that really needs more (a large cluster's NetworkPolicy view) still grows,
 * with a proportionally larger headroom.
 */
final class HeapBound implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HeapBound.class);

  /** The least headroom over the live size; a quarter of the live size where that is more. */
  static final long MIN_HEADROOM = 8L << 20;

  private final MemoryPoolMXBean old;
  private final NotificationEmitter emitter;
  private final NotificationListener listener = this::onNotification;
  private final ExecutorService collector =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("tapio-heap-bound").daemon(true).factory());
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicLong collections = new AtomicLong();

  private HeapBound(MemoryPoolMXBean old, NotificationEmitter emitter) {
    this.old = old;
    this.emitter = emitter;
  }

  /**
   * Starts bounding Serial's old generation ("Tenured Gen"); under another collector (G1 collects
   * its old regions concurrently and gives memory back on its own) this does nothing.
   */
  static Optional<HeapBound> start() {
    Optional<MemoryPoolMXBean> pool =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isUsageThresholdSupported())
            .filter(p -> p.getName().equals("Tenured Gen"))
            .findFirst();
    if (pool.isEmpty()
        || !(ManagementFactory.getMemoryMXBean() instanceof NotificationEmitter emitter)) {
      log.debug("heap bound: not Serial GC, nothing to bound");
      return Optional.empty();
    }
    HeapBound bound = new HeapBound(pool.get(), emitter);
    emitter.addNotificationListener(bound.listener, null, null);
    bound.arm(pool.get().getUsage().getUsed());
    return Optional.of(bound);
  }

  /** How much the old generation may grow over {@code live} bytes before it is collected. */
  static long headroom(long live) {
    return Math.max(MIN_HEADROOM, live / 4);
  }

  /** The full collections this has run. */
  long collections() {
    return collections.get();
  }

  /** The old generation's occupancy that triggers the next full collection. */
  long threshold() {
    return old.getUsageThreshold();
  }

  private void arm(long live) {
    old.setUsageThreshold(live + headroom(live));
  }

  private void onNotification(Notification n, Object handback) {
    if (!MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED.equals(n.getType())
        || !(n.getUserData() instanceof CompositeData data)
        || !old.getName().equals(MemoryNotificationInfo.from(data).getPoolName())
        || !pending.compareAndSet(false, true)) {
      return;
    }
    collector.execute(this::collect);
  }

  private void collect() {
    try {
      long before = old.getUsage().getUsed();
      System.gc();
      collections.incrementAndGet();
      long live = old.getCollectionUsage().getUsed();
      arm(live);
      log.debug(
          "heap bound: old generation {} -> {} KiB, next at {} KiB",
          before >> 10,
          live >> 10,
          threshold() >> 10);
    } finally {
      pending.set(false);
    }
  }

  @Override
  public void close() {
    try {
      emitter.removeNotificationListener(listener);
    } catch (ListenerNotFoundException e) {
      // never added
    }
    collector.shutdownNow();
  }
}
