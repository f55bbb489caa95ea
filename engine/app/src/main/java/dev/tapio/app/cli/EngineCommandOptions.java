package dev.tapio.app.cli;

import dev.tapio.app.EngineOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the engine ({@code run}, {@code record}). */
final class EngineCommandOptions {
  @Option(
      names = {"-r", "--rules"},
      paramLabel = "FILE",
      description = "Rule files, loaded in order (default: the bundled rules).")
  List<Path> rules = new ArrayList<>();

  @Option(
      names = "--rules-dir",
      paramLabel = "DIR",
      description = "Also load every *.yaml/*.yml file of DIR, in name order, after --rules.")
  List<Path> ruleDirs = new ArrayList<>();

  @Option(
      names = "--ring-buffer-mb",
      paramLabel = "MB",
      defaultValue = "8",
      description =
          "Size of each sensor's ring buffer, a power of two (default: ${DEFAULT-VALUE}).")
  int ringBufferMb;

  EngineOptions toOptions(boolean printEvents, @Nullable Path recordTo, boolean jsonAlerts) {
    return new EngineOptions(
        RuleFiles.collect(rules, ruleDirs),
        printEvents,
        recordTo,
        jsonAlerts,
        ringBufferMb * 1024 * 1024,
        System.getenv());
  }
}
