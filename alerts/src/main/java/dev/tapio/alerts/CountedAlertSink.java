package dev.tapio.alerts;

import dev.tapio.api.spi.AlertSink;

/** A sink that counts what it accepted, delivered, retried, spooled and dropped. */
public interface CountedAlertSink extends AlertSink {

  /** The counters as of now. */
  SinkStats stats();
}
