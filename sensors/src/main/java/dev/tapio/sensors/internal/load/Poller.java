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
      drainAll();
    }
    drainAll();
  }

  /** Drains every ring until empty. */
  private void drainAll() {
    boolean more = true;
    while (more) {
      more = false;
      for (RunningSensor s : sensors) {
        RecordSource ring = Objects.requireNonNull(s.ring());
        if (ring.drain(r -> handle(s, r), batch) == batch) {
          more = true;
        }
      }
    }
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
