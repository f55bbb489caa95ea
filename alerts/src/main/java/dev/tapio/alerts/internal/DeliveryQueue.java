package dev.tapio.alerts.internal;

import dev.tapio.alerts.DeliveryPolicy;
import dev.tapio.alerts.DropReason;
import dev.tapio.alerts.SinkStats;
import dev.tapio.api.alert.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue in front of a transport, and the thread that empties it. {@link #offer} never
 * blocks. The thread takes batches, encodes them and delivers them, retrying with exponential
 * backoff and jitter; a batch that still fails goes to the spool, if there is one, and while the
 * spool holds anything every new alert goes behind it, so alerts leave in the order they came. The
 * spool drains, oldest first, as soon as the receiver answers again. Whatever is finally given up
 * is counted by reason.
 *
 * @param <E> the encoded form of one alert
 */
public final class DeliveryQueue<E> implements AutoCloseable {
  static final String EXPORT_FAILED = "%s: delivery of %d alerts failed (%s); retrying in %d ms";
  static final String SPOOL_FAILED = "%s: cannot write the spool: %s";

  private static final System.Logger LOG = System.getLogger("dev.tapio.alerts");
  private static final long IDLE_POLL_MILLIS = 50;

  private final String name;
  private final DeliveryPolicy policy;
  private final Codec<E> codec;
  private final Transport<E> transport;
  private final SinkCounters counters;
  private final ArrayBlockingQueue<Alert> queue;
  private final @Nullable DiskSpool spool;

  /** Alerts accepted into memory and not yet delivered, spooled or dropped. */
  private final AtomicInteger outstanding = new AtomicInteger();

  private final Thread worker;
  private final Object wake = new Object();
  private volatile boolean closing;
  private volatile boolean stopped;
  private long spoolBackoffMillis;
  private long nextSpoolAttemptMillis;

  public DeliveryQueue(String name, DeliveryPolicy policy, Codec<E> codec, Transport<E> transport) {
    this.name = name;
    this.policy = policy;
    this.codec = codec;
    this.transport = transport;
    this.counters = new SinkCounters(name);
    this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
    this.spoolBackoffMillis = policy.initialBackoff().toMillis();
    try {
      this.spool = policy.spool() == null ? null : DiskSpool.open(policy.spool());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the spool of sink " + name, e);
    }
    this.worker = Thread.ofPlatform().daemon().name("tapio-alerts-" + name).unstarted(this::run);
    worker.start();
  }

  /** Queues one alert; drops and counts it when the queue is full or the sink is closing. */
  public void offer(Alert alert) {
    counters.accepted();
    if (closing) {
      counters.dropped(DropReason.SHUTDOWN, 1);
    } else {
      outstanding.incrementAndGet();
      if (!queue.offer(alert)) {
        outstanding.decrementAndGet();
        counters.dropped(DropReason.QUEUE_FULL, 1);
      }
    }
  }

  public SinkStats stats() {
    DiskSpool s = spool;
    return counters.snapshot(() -> outstanding.get() + (s == null ? 0 : s.records()));
  }

  private void run() {
    while (!stopped) {
      if (spool != null && !spool.isEmpty()) {
        drainSpool(spool);
        continue;
      }
      List<Alert> alerts = takeBatch();
      if (alerts.isEmpty()) {
        continue;
      }
      List<E> encoded = encode(alerts);
      deliverWithRetries(encoded);
      outstanding.addAndGet(-alerts.size());
    }
    List<Alert> rest = new ArrayList<>();
    queue.drainTo(rest);
    spoolOrDrop(encode(rest), DropReason.SHUTDOWN);
    outstanding.addAndGet(-rest.size());
  }

  private List<Alert> takeBatch() {
    List<Alert> batch = new ArrayList<>();
    try {
      Alert first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
      if (first == null) {
        return batch;
      }
      batch.add(first);
      long deadline = System.nanoTime() + policy.batchDelay().toNanos();
      while (batch.size() < policy.batchSize()) {
        int moved = queue.drainTo(batch, policy.batchSize() - batch.size());
        if (moved == 0) {
          long wait = deadline - System.nanoTime();
          if (wait <= 0 || closing) {
            break;
          }
          Alert next = queue.poll(wait, TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return batch;
  }

  private List<E> encode(List<Alert> alerts) {
    List<E> encoded = new ArrayList<>(alerts.size());
    for (Alert alert : alerts) {
      try {
        encoded.add(codec.encode(alert));
      } catch (RuntimeException e) {
        counters.dropped(DropReason.ENCODING_FAILED, 1);
      }
    }
    return encoded;
  }

  private void deliverWithRetries(List<E> batch) {
    for (int attempt = 1; ; attempt++) {
      try {
        transport.deliver(batch);
        counters.delivered(batch.size());
        return;
      } catch (Exception e) {
        counters.failed(e);
        if (attempt >= policy.maxAttempts() || stopped) {
          spoolOrDrop(batch, stopped ? DropReason.SHUTDOWN : DropReason.RETRIES_EXHAUSTED);
          return;
        }
        long wait = backoff(attempt);
        counters.retried(batch.size());
        LOG.log(
            System.Logger.Level.DEBUG, () -> EXPORT_FAILED.formatted(name, batch.size(), e, wait));
        if (!sleep(wait)) {
          spoolOrDrop(batch, DropReason.SHUTDOWN);
          return;
        }
      }
    }
  }

  /** The wait after failed attempt {@code attempt}: doubling from the initial, capped, jittered. */
  long backoff(int attempt) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    long base = initial << Math.min(attempt - 1, 30);
    if (base <= 0 || base > max) {
      base = max;
    }
    return jitter(base);
  }

  private static long jitter(long base) {
    long half = Math.max(1, base / 2);
    return half + ThreadLocalRandom.current().nextLong(half + 1);
  }

  private void spoolOrDrop(List<E> batch, DropReason withoutSpool) {
    if (batch.isEmpty()) {
      return;
    }
    if (spool == null) {
      counters.dropped(withoutSpool, batch.size());
      return;
    }
    for (E item : batch) {
      spoolOne(spool, item);
    }
    nextSpoolAttemptMillis = System.currentTimeMillis() + jitter(spoolBackoffMillis);
  }

  private void spoolOne(DiskSpool target, E item) {
    try {
      byte[] bytes = codec.toBytes(item);
      if (target.append(bytes, System.currentTimeMillis())) {
        counters.spooled(1);
      } else {
        counters.dropped(DropReason.SPOOL_FULL, 1);
      }
    } catch (IOException e) {
      counters.dropped(DropReason.SPOOL_WRITE_FAILED, 1);
      LOG.log(System.Logger.Level.WARNING, () -> SPOOL_FAILED.formatted(name, e));
    } catch (RuntimeException e) {
      counters.dropped(DropReason.ENCODING_FAILED, 1);
    }
  }

  /** Moves new alerts behind the spool, then tries to deliver its head when the backoff allows. */
  private void drainSpool(DiskSpool target) {
    List<Alert> arrived = new ArrayList<>();
    queue.drainTo(arrived);
    for (E item : encode(arrived)) {
      spoolOne(target, item);
    }
    outstanding.addAndGet(-arrived.size());
    long wait = nextSpoolAttemptMillis - System.currentTimeMillis();
    if (wait > 0) {
      sleep(Math.min(wait, IDLE_POLL_MILLIS));
      return;
    }
    DiskSpool.Batch batch;
    try {
      batch = target.peek(policy.batchSize());
    } catch (IOException e) {
      counters.failed(e);
      failedSpoolAttempt();
      return;
    }
    long oldest = System.currentTimeMillis() - target.maxAgeMillis();
    List<E> live = new ArrayList<>(batch.entries().size());
    int corrupt = batch.corrupt();
    int expired = 0;
    for (DiskSpool.Entry entry : batch.entries()) {
      if (entry.writtenAtMillis() < oldest) {
        expired++;
        continue;
      }
      try {
        live.add(codec.fromBytes(entry.payload()));
      } catch (RuntimeException e) {
        corrupt++;
      }
    }
    try {
      if (!live.isEmpty()) {
        transport.deliver(live);
      }
    } catch (Exception e) {
      counters.failed(e);
      counters.retried(live.size());
      failedSpoolAttempt();
      return;
    }
    counters.delivered(live.size());
    counters.dropped(DropReason.SPOOL_EXPIRED, expired);
    counters.dropped(DropReason.SPOOL_CORRUPT, corrupt);
    try {
      target.commit(batch);
    } catch (IOException e) {
      // Delivered but not removed: the batch is sent again (at least once).
      counters.failed(e);
    }
    spoolBackoffMillis = policy.initialBackoff().toMillis();
    nextSpoolAttemptMillis = 0;
  }

  private void failedSpoolAttempt() {
    nextSpoolAttemptMillis = System.currentTimeMillis() + jitter(spoolBackoffMillis);
    spoolBackoffMillis = Math.min(spoolBackoffMillis * 2, policy.maxBackoff().toMillis());
  }

  /** Waits, waking early when the sink stops; false when it stopped. */
  private boolean sleep(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    synchronized (wake) {
      try {
        long left;
        while (!stopped && (left = deadline - System.nanoTime()) > 0) {
          wake.wait(Math.max(1, left / 1_000_000L));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return !stopped;
  }

  /**
   * Waits until every alert accepted so far is delivered (or finally dropped), at most the policy's
   * flush timeout.
   *
   * @return whether everything was delivered in time
   */
  public boolean flush() {
    long deadline = System.nanoTime() + policy.flushTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      if (outstanding.get() == 0 && (spool == null || spool.isEmpty())) {
        return true;
      }
      if (!worker.isAlive()) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Stops accepting, flushes within the timeout, then spools (or drops as {@link
   * DropReason#SHUTDOWN}) whatever is still in memory, and releases the transport.
   */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    flush();
    stopped = true;
    // No interrupt: it would close a spool file under a write. The worker polls and waits briefly.
    synchronized (wake) {
      wake.notifyAll();
    }
    try {
      worker.join(policy.flushTimeout().toMillis() + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      transport.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.DEBUG, () -> name + ": closing the transport failed: " + e);
    }
    if (spool != null) {
      spool.close();
    }
  }
}
