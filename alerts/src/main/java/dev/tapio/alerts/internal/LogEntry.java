package dev.tapio.alerts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert as an OTLP log record, in plain values so it can wait in the spool as JSON.
 *
 * @param attributes values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or a
 *     {@code List<String>}
 */
public record LogEntry(
    String id,
    long timeNanos,
    long observedNanos,
    int severityNumber,
    String severityText,
    String body,
    String eventName,
    Map<String, Object> attributes) {

  public LogEntry {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  /** Restores the value types JSON blurs: whole numbers come back as {@code Long}. */
  static Object normalize(Object value) {
    return switch (value) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Float f -> f.doubleValue();
      case List<?> list -> list.stream().map(String::valueOf).toList();
      default -> value;
    };
  }
}
