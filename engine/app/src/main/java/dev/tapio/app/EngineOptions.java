package dev.tapio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@code tapio run} (or {@code tapio record}) was asked to do.
 *
 * @param ruleFiles rule files to load in order; empty means the bundled rules
 * @param printEvents print every enriched event (JSON lines) instead of alerts
 * @param recordTo write every enriched event to this file (JSON lines), as {@code tapio record}
 * @param jsonAlerts print alerts as Falco-shaped JSON lines on stdout
 * @param ringBufferBytes each sensor's ring buffer size
 * @param environment where {@code OTEL_EXPORTER_OTLP_*} and {@code TAPIO_*} settings come from
 */
public record EngineOptions(
    List<Path> ruleFiles,
    boolean printEvents,
    @Nullable Path recordTo,
    boolean jsonAlerts,
    int ringBufferBytes,
    Map<String, String> environment) {

  public EngineOptions {
    ruleFiles = List.copyOf(ruleFiles);
    environment = Map.copyOf(environment);
  }

  String describeRules() {
    return ruleFiles.isEmpty() ? "bundled" : ruleFiles.toString();
  }

  /** The OTLP endpoint for alerts, if the environment names one. */
  @Nullable String otlpEndpoint() {
    String logs = environment.get("OTEL_EXPORTER_OTLP_LOGS_ENDPOINT");
    return logs != null && !logs.isBlank() ? logs : environment.get("OTEL_EXPORTER_OTLP_ENDPOINT");
  }
}
