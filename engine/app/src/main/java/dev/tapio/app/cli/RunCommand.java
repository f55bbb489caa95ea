package dev.tapio.app.cli;

import dev.tapio.app.Engine;
import dev.tapio.app.ShutdownSignal;
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
      "Run the engine until Ctrl-C or SIGTERM: sensors, rules, alerts.",
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
        spec, () -> runUntilSignal(new Engine(engine.toOptions(printEvents, null, true))));
  }

  static int runUntilSignal(Engine engine) throws InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    try (engine) {
      engine.start();
      String reason = signal.await();
      log.info("{} received, stopping", reason);
    }
    return 0;
  }
}
