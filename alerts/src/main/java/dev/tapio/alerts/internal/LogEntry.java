package dev.tapio.alerts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One alert as an OTLP log record, in plain values so it can wait in the spool as JSON.
 *
 * @param attributes values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or a
 *     {@code List<String>}
 * @param traceId the incident's trace id (32 hex digits), shared by correlated alerts
 * @param spanId this alert's span id (16 hex digits)
 */
public record LogEntry(
    String id,
    long timeNanos,
    long observedNanos,
    int severityNumber,
    String severityText,
    String body,
    String eventName,
    Map<String, Object> attributes,
    String traceId,
    String spanId) {

  public LogEntry {
    attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    // entries spooled before trace ids existed read back without them
    traceId = traceId == null ? "" : traceId;
    spanId = spanId == null ? "" : spanId;
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
