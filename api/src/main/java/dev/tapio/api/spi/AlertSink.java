package dev.tapio.api.spi;

import dev.tapio.api.alert.Alert;
import java.util.List;

/**
 * Where alerts go. {@link #send} is called on the event path and must not block on the network: a
 * sink queues and exports off-thread, and counts what it drops.
 */
public interface AlertSink extends AutoCloseable {

  /** A short name for status lines and metrics ({@code otlp}, {@code json}, {@code syslog}). */
  String name();

  /** Hands over one alert. Never blocks on I/O. */
  void send(Alert alert);

  /** Delivers everything accepted so far, waiting as long as the sink's own timeout allows. */
  default void flush() {}

  /** Flushes, then releases the sink's resources. */
  @Override
  default void close() {
    flush();
  }

  /** A sink that discards every alert. */
  static AlertSink noop() {
    return NoopAlertSink.INSTANCE;
  }

  /** A sink that hands every alert to each of {@code sinks}, in order. */
  static AlertSink composite(List<? extends AlertSink> sinks) {
    return new CompositeAlertSink(sinks);
  }
}
