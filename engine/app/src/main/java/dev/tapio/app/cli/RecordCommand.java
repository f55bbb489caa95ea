package dev.tapio.app.cli;

import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Origin;
import dev.tapio.app.config.Settings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tapio record FILE}: write every event the sensors see, enriched, to a file. */
@Command(
    name = "record",
    description = {
      "Record every event the sensors see, with its enrichment, as JSON lines, until Ctrl-C.",
      "Replay it with 'tapio replay FILE', or use it in a rule test case (events_from).",
      "Serves no HTTP endpoints unless http.enabled is set, so it runs beside 'tapio run'."
    })
public final class RecordCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Where to write the events.")
  Path file = Path.of("events.jsonl");

  @Mixin EngineCommandOptions engine = new EngineCommandOptions();

  @Option(names = "--alerts", description = "Also print alerts on stdout while recording.")
  boolean alerts;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ConfigErrors.reported(
        spec,
        () -> {
          EngineOptions options = withoutListener(engine.toOptions(false, file, alerts));
          return RunCommand.runUntilSignal(
              new Engine(options), options.config().get(Settings.SHUTDOWN_DRAIN_TIMEOUT));
        });
  }

  /**
   * A recording is made beside a running engine, whose listener holds the port: the endpoints are
   * off unless {@code http.enabled} was set.
   */
  static EngineOptions withoutListener(EngineOptions options) {
    EffectiveConfig config = options.config();
    if (config.origin(Settings.HTTP_ENABLED).source() != Origin.Source.DEFAULT) {
      return options;
    }
    return new EngineOptions(
        options.ruleFiles(),
        options.printEvents(),
        options.recordTo(),
        options.jsonAlerts(),
        options.ringBufferBytes(),
        options.environment(),
        config.with(Settings.HTTP_ENABLED, false, "tapio record"));
  }
}
