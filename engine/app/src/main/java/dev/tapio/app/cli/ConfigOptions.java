package dev.tapio.app.cli;

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
 * The options that choose a configuration and its rules, shared by every command that reads them
 * ({@code run}, {@code record}, {@code replay}, {@code config show}): the configuration file, the
 * flags that override it, and the rule files.
 */
class ConfigOptions {
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

  /** The configuration in effect: defaults, then the file, the environment, these flags. */
  final EffectiveConfig resolve(Map<String, String> env) {
    List<FlagValue> flags = new ArrayList<>();
    if (!rules.isEmpty()) {
      flags.add(FlagValue.of(Settings.RULES_FILES, List.copyOf(rules), "--rules"));
    }
    if (!ruleDirs.isEmpty()) {
      flags.add(FlagValue.of(Settings.RULES_DIRECTORIES, List.copyOf(ruleDirs), "--rules-dir"));
    }
    flags.addAll(moreFlags());
    sets.forEach(s -> flags.add(FlagValue.parse(s)));
    return ConfigLoader.load(config, env, flags);
  }

  /** The flags of a subclass's own options, applied before {@code --set}. */
  List<FlagValue> moreFlags() {
    return List.of();
  }
}
