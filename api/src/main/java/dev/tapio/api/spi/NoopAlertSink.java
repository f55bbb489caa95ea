package dev.tapio.api.spi;

import dev.tapio.api.alert.Alert;

final class NoopAlertSink implements AlertSink {
  static final NoopAlertSink INSTANCE = new NoopAlertSink();

  private NoopAlertSink() {}

  @Override
  public String name() {
    return "noop";
  }

  @Override
  public void send(Alert alert) {}
}
