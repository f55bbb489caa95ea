package dev.tapio.api.spi;

import dev.tapio.api.alert.Alert;
import java.util.ArrayList;
import java.util.List;

/** Fans each alert out to several sinks. A failing sink does not keep the others from running. */
final class CompositeAlertSink implements AlertSink {
  private final List<AlertSink> sinks;

  CompositeAlertSink(List<? extends AlertSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public String name() {
    return "composite";
  }

  @Override
  public void send(Alert alert) {
    forEach(sink -> sink.send(alert));
  }

  @Override
  public void flush() {
    forEach(AlertSink::flush);
  }

  @Override
  public void close() {
    forEach(AlertSink::close);
  }

  private void forEach(java.util.function.Consumer<AlertSink> action) {
    List<RuntimeException> failures = new ArrayList<>();
    for (AlertSink sink : sinks) {
      try {
        action.accept(sink);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.getFirst();
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
