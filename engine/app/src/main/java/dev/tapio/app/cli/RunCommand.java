package dev.tapio.app.cli;

import dev.tapio.app.Engine;
import dev.tapio.app.EngineOptions;
import dev.tapio.app.ShutdownSignal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tapio run}: start the engine and run until SIGINT or SIGTERM. */
@Command(
    name = "run",
    description = "Run the engine: sensors, rules and alert sinks, until Ctrl-C or SIGTERM.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

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

  @Option(names = "--print-events", description = "Print decoded events instead of alerts.")
  boolean printEvents;

  @Override
  public Integer call() throws InterruptedException {
    ShutdownSignal signal = ShutdownSignal.install();
    try (Engine engine =
        new Engine(new EngineOptions(RuleFiles.collect(rules, ruleDirs), printEvents))) {
      engine.start();
      String reason = signal.await();
      log.info("{} received, stopping", reason);
    }
    return 0;
  }
}
