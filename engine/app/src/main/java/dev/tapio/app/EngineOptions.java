package dev.tapio.app;

import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
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
 * @param config every other setting ({@code tapio run --config}); see {@link Settings}
 */
public record EngineOptions(
    List<Path> ruleFiles,
    boolean printEvents,
    @Nullable Path recordTo,
    boolean jsonAlerts,
    int ringBufferBytes,
    Map<String, String> environment,
    EffectiveConfig config) {

  public EngineOptions {
    ruleFiles = List.copyOf(ruleFiles);
    environment = Map.copyOf(environment);
  }

  /** Options with the embedded defaults for everything else (no HTTP listener). */
  public EngineOptions(
      List<Path> ruleFiles,
      boolean printEvents,
      @Nullable Path recordTo,
      boolean jsonAlerts,
      int ringBufferBytes,
      Map<String, String> environment) {
    this(
        ruleFiles,
        printEvents,
        recordTo,
        jsonAlerts,
        ringBufferBytes,
        environment,
        EffectiveConfig.embedded(environment));
  }

  /**
   * Whether the bundled rules load first: as {@code rules.bundled} says, else only when no rule
   * file is given.
   */
  public boolean bundledRules() {
    return config.find(Settings.RULES_BUNDLED).orElse(ruleFiles.isEmpty());
  }

  String describeRules() {
    if (ruleFiles.isEmpty()) {
      return bundledRules() ? "bundled" : "none";
    }
    return (bundledRules() ? "bundled + " : "") + ruleFiles;
  }
}
