package dev.tapio.app.cli;

import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.ShutdownDeadline;
import dev.tapio.app.ShutdownSignal;
import dev.tapio.app.config.Settings;
import dev.tapio.app.reload.ReloadSignal;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tapio run}: start the engine and run until SIGINT or SIGTERM. */
@Command(
    name = "run",
    description = {
      "Run the engine until Ctrl-C or SIGTERM: sensors, rules, alerts. SIGHUP reloads the rules.",
      "Alerts print as Falco-shaped JSON lines on stdout; with OTEL_EXPORTER_OTLP_ENDPOINT set"
          + " (or outputs.otlp.endpoint) they are also sent as OTLP logs. Settings come from"
          + " --config FILE, the environment and flags (docs/configuration.md). Needs root, or"
          + " CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN, CAP_SYS_PTRACE and CAP_DAC_READ_SEARCH: it"
          + " checks them at start and names any that is missing."
    })
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

  @Mixin EngineCommandOptions engine = new EngineCommandOptions();

  @Option(names = "--print-events", description = "Print every enriched event instead of alerts.")
  boolean printEvents;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    return ConfigErrors.reported(
        spec,
        () -> {
          EngineOptions options = engine.toOptions(printEvents, null, true);
          return runUntilSignal(
              new Engine(options), options.config().get(Settings.SHUTDOWN_DRAIN_TIMEOUT));
        });
  }

  /**
   * Starts {@code engine}, runs it until SIGTERM or SIGINT (SIGHUP reloads its rules), then stops
   * it: the sensors detach first, so the queues only shrink, then the pipeline drains and the sinks
   * flush, all within {@code drainTimeout}.
   */
  static int runUntilSignal(Engine engine, Duration drainTimeout) throws InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    try {
      engine.start();
      ReloadSignal.install(() -> engine.reloadRules("SIGHUP"));
      String reason = signal.await();
      log.info("{} received, stopping within {}", reason, drainTimeout);
    } finally {
      try (ShutdownDeadline deadline = ShutdownDeadline.arm(drainTimeout)) {
        engine.close();
      }
    }
    return 0;
  }
}
