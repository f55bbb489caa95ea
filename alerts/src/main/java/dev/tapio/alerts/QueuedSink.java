package dev.tapio.alerts;

import dev.tapio.alerts.internal.DeliveryQueue;
import dev.tapio.api.alert.Alert;

/**
 * What every sink shares: a name and its own delivery queue (bounded, batched, retried, spooled,
 * counted), to which sending, flushing, closing and the counters are handed.
 */
abstract sealed class QueuedSink<E> implements CountedAlertSink
    permits OtlpLogSink, SyslogSink, JsonLinesSink {
  private final String name;
  private final DeliveryQueue<E> delivery;

  QueuedSink(String name, DeliveryQueue<E> delivery) {
    this.name = name;
    this.delivery = delivery;
  }

  /** {@code name} if it can name a sink (not blank), for the sinks' builders. */
  static String checkedName(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("a sink name must not be blank");
    }
    return name;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void send(Alert alert) {
    delivery.offer(alert);
  }

  @Override
  public final void flush() {
    delivery.flush();
  }

  @Override
  public final void close() {
    delivery.close();
  }

  @Override
  public final SinkStats stats() {
    return delivery.stats();
  }
}
