package dev.tapio.alerts;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.AlertSink;

/** Scrubs every alert, then hands it on: put it in front of all other sinks. */
public final class ScrubbingSink implements AlertSink {
  private final Scrubber scrubber;
  private final AlertSink next;

  public ScrubbingSink(Scrubber scrubber, AlertSink next) {
    this.scrubber = scrubber;
    this.next = next;
  }

  @Override
  public String name() {
    return next.name();
  }

  @Override
  public void send(Alert alert) {
    next.send(scrubber.scrub(alert));
  }

  @Override
  public void flush() {
    next.flush();
  }

  @Override
  public void close() {
    next.close();
  }
}
