package dev.tapio.app.cli;

import dev.tapio.app.EngineOptions;
import dev.tapio.app.RuleFiles;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import dev.tapio.app.config.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run the engine ({@code run}, {@code record}) and {@code
 * config show}: the configuration file and the flags that override it.
 */
final class EngineCommandOptions {
  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Configuration file (YAML); see docs/configuration.md.")
  @Nullable Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Set one configuration key, over the file and the environment.")
  List<String> sets = new ArrayList<>();

  @Option(
      names = {"-r", "--rules"},
      paramLabel = "FILE",
      description = "Rule files, loaded in order (rules.files; default: the bundled rules).")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--rules-dir",
      paramLabel = "DIR",
      description = "Also load every *.yaml/*.yml file of DIR, in name order (rules.directories).")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(
      names = "--ring-buffer-mb",
      paramLabel = "MB",
      description = "Size of each sensor's ring buffer, a power of two (sensors.ringBufferSize).")
  @Nullable Integer ringBufferMb;

  /** The configuration in effect: defaults, then the file, the environment, these flags. */
  EffectiveConfig resolve(Map<String, String> env) {
    List<FlagValue> flags = new ArrayList<>();
    if (!rules.isEmpty()) {
      flags.add(FlagValue.of(Settings.RULES_FILES, List.copyOf(rules), "--rules"));
    }
    if (!ruleDirs.isEmpty()) {
      flags.add(FlagValue.of(Settings.RULES_DIRECTORIES, List.copyOf(ruleDirs), "--rules-dir"));
    }
    if (ringBufferMb != null) {
      flags.add(
          FlagValue.of(
              Settings.RING_BUFFER_SIZE, ringBufferMb * 1024L * 1024L, "--ring-buffer-mb"));
    }
    sets.forEach(s -> flags.add(FlagValue.parse(s)));
    return ConfigLoader.load(config, env, flags);
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
