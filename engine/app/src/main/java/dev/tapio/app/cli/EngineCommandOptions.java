package dev.tapio.app.cli;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.RuleFiles;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import dev.tapio.app.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run the engine ({@code run}, {@code record}) and {@code
 * config show}: the configuration and rules, and the sensors' ring buffers.
 */
final class EngineCommandOptions extends ConfigOptions {
  @Option(
      names = "--ring-buffer-mb",
      paramLabel = "MB",
      description = "Size of each sensor's ring buffer, a power of two (sensors.ringBufferSize).")
  @Nullable Integer ringBufferMb;

  @Override
  List<FlagValue> moreFlags() {
    return ringBufferMb == null
        ? List.of()
        : List.of(
            FlagValue.of(
                Settings.RING_BUFFER_SIZE, ringBufferMb * 1024L * 1024L, "--ring-buffer-mb"));
  }

  EngineOptions toOptions(boolean printEvents, @Nullable Path recordTo, boolean jsonAlerts) {
    Map<String, String> env = System.getenv();
    EffectiveConfig effective = resolve(env);
    return new EngineOptions(
        RuleFiles.collect(
            effective.get(Settings.RULES_FILES), effective.get(Settings.RULES_DIRECTORIES)),
        printEvents,
        recordTo,
        jsonAlerts,
        Math.toIntExact(effective.get(Settings.RING_BUFFER_SIZE)),
        env,
        effective);
  }
}
