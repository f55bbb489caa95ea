package dev.tapio.api.spi;

import dev.tapio.api.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** Keeps every alert in memory, for tests and for {@code tapio rules test}. Thread-safe. */
public final class InMemoryAlertSink implements AlertSink {
  private final List<Alert> alerts = new ArrayList<>();

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public synchronized void send(Alert alert) {
    alerts.add(alert);
  }

  /** A copy of the alerts received so far, in arrival order. */
  public synchronized List<Alert> alerts() {
    return List.copyOf(alerts);
  }

  public synchronized void clear() {
    alerts.clear();
  }
}
