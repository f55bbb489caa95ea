package dev.tapio.app.cli;

import dev.tapio.sensors.FeatureProbe;
import dev.tapio.sensors.SensorConfig;
import dev.tapio.sensors.Sensors;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapio sensors status}: what this kernel allows, and what each sensor would run on. */
@Command(
    name = "sensors",
    description = "Kernel sensors.",
    subcommands = {SensorsCommand.Status.class})
public final class SensorsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Probes the kernel, loads and attaches each sensor once, reports, detaches. */
  @Command(
      name = "status",
      description = "Probe the kernel and show each sensor as enabled, partial or unavailable.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      var statuses = Sensors.check(SensorConfig.defaults());
      out.print(Sensors.report(FeatureProbe.probe(), statuses));
      out.flush();
      return statuses.values().stream()
              .anyMatch(s -> s.state() != dev.tapio.api.spi.SourceStatus.State.UNAVAILABLE)
          ? 0
          : 1;
    }
  }
}
