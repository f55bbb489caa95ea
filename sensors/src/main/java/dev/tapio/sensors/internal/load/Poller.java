package dev.tapio.sensors.internal.load;

import dev.tapio.api.event.Event;
import dev.tapio.api.spi.EventSink;
import dev.tapio.sensors.internal.decode.EventDecoder;
import dev.tapio.sensors.internal.ffm.PollSet;
import dev.tapio.sensors.internal.ffm.RecordSource;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The polling thread: waits until a ring buffer has data, drains each in batches, decodes and hands
 * events of the requested types to the sink. Nothing it calls may stop it: decode and sink failures
 * are counted.
 */
public final class Poller implements AutoCloseable {
  /** How long records gather in the rings after a small drain (see {@link #gather}). */
  static final int GATHER_MILLIS = 20;

  private final List<RunningSensor> sensors;
  private final EventDecoder decoder;
  private final Set<String> eventTypes;
  private final EventSink sink;
  private final int batch;
  private final int timeoutMillis;
  private final PollSet pollSet;
  private final Thread thread;
  private volatile boolean running = true;

  public Poller(
      List<RunningSensor> sensors,
      EventDecoder decoder,
      Set<String> eventTypes,
      EventSink sink,
      int batch,
      Duration timeout) {
    this.sensors = sensors.stream().filter(s -> s.ring() != null).toList();
    this.decoder = decoder;
    this.eventTypes = Set.copyOf(eventTypes);
    this.sink = sink;
    this.batch = batch;
    this.timeoutMillis = (int) Math.max(1, timeout.toMillis());
    this.pollSet =
        new PollSet(
            this.sensors.stream()
                .flatMap(s -> Objects.requireNonNull(s.ring()).pollFds().stream())
                .toList());
    this.thread = Thread.ofPlatform().name("tapio-sensors-poll").daemon().unstarted(this::run);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      pollSet.await(timeoutMillis);
      if (drainAll() < batch && running) {
        gather();
      }
    }
    drainAll();
  }

  /**
   * After a small drain, lets records gather for {@link #GATHER_MILLIS} before the next poll. The
   * kernel wakes a ring's reader only for the first record after the reader caught up, so at a
   * build's event rates every few records cost this thread a wake-up, and the pipeline one more;
   * waiting a little turns them into one batch per {@link #GATHER_MILLIS}. No alert is later for
   * it: the pipeline holds every event for its reorder delay (50 ms) anyway. A flood drains full
   * batches and never waits.
   */
  private static void gather() {
    try {
      Thread.sleep(GATHER_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Drains every ring until empty; returns how many records were read. */
  private int drainAll() {
    int total = 0;
    boolean more = true;
    while (more) {
      more = false;
      for (RunningSensor s : sensors) {
        RecordSource ring = Objects.requireNonNull(s.ring());
        int n = ring.drain(r -> handle(s, r), batch);
        total += n;
        if (n == batch) {
          more = true;
        }
      }
    }
    return total;
  }

  private void handle(RunningSensor s, MemorySegment record) {
    s.received.incrementAndGet();
    Event event;
    try {
      event = decoder.decode(record);
    } catch (RuntimeException e) {
      s.decodeErrors.incrementAndGet();
      return;
    }
    if (!eventTypes.contains(event.type())) {
      s.filtered.incrementAndGet();
      return;
    }
    try {
      sink.accept(event);
    } catch (RuntimeException e) {
      s.sinkErrors.incrementAndGet();
    }
  }

  /** Stops polling after a last drain, and waits for the thread. */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pollSet.close();
  }
}
