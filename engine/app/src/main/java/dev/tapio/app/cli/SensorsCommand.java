package dev.tapio.app.cli;

import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.app.RuleReach;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import dev.tapio.app.config.Settings;
import dev.tapio.enrich.CriSettings;
import dev.tapio.enrich.HostRoot;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import dev.tapio.sensors.FeatureProbe;
import dev.tapio.sensors.SensorConfig;
import dev.tapio.sensors.SensorSet;
import dev.tapio.sensors.Sensors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tapio sensors status [--rules FILE...] [--host-root DIR]}: what this kernel allows, what
 * each sensor would run on, where the host's procfs, cgroup tree, user files and runtime socket are
 * read, whether the kernel filter is on (and what the rules' filter admits), and which rules could
 * never fire here.
 */
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

  /**
   * Probes the kernel, loads and attaches each sensor once, reports, detaches; with {@code
   * --rules}, also lists the rules that cannot fire on this kernel.
   */
  @Command(
      name = "status",
      description = {
        "Probe the kernel and show each sensor as enabled, partial or unavailable.",
        "With --rules, also list each enabled rule no sensor here produces events for."
      })
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--rules",
        paramLabel = "FILE",
        arity = "1..*",
        description = "Rule files, in load order, whose rules that cannot fire are listed.")
    List<Path> ruleFiles = new ArrayList<>();

    @Option(
        names = {"-c", "--config"},
        paramLabel = "FILE",
        description = "Configuration file whose host.root is shown (as tapio run reads it).")
    @Nullable Path config;

    @Option(
        names = "--host-root",
        paramLabel = "DIR",
        description = "Where the host's root is mounted (host.root, TAPIO_HOST_ROOT).")
    @Nullable Path hostRoot;

    @Override
    public Integer call() throws Exception {
      return ConfigErrors.reported(spec, this::status);
    }

    private int status() {
      PrintWriter out = spec.commandLine().getOut();
      EffectiveConfig settings =
          ConfigLoader.load(
              config,
              System.getenv(),
              hostRoot == null
                  ? List.of()
                  : List.of(FlagValue.of(Settings.HOST_ROOT, hostRoot, "--host-root")));
      @Nullable LoadReport rules = ruleFiles.isEmpty() ? null : RuleLoader.create().load(ruleFiles);
      if (rules != null && !rules.successful()) {
        spec.commandLine().getErr().print(rules.text(false));
        spec.commandLine().getErr().flush();
        return rules.exitStatus();
      }
      boolean filterOn = settings.get(Settings.FILE_KERNEL_FILTER);
      KernelFilter filter = rules == null || !filterOn ? KernelFilter.NONE : rules.kernelFilter();
      Map<String, SourceStatus> statuses;
      Map<String, Map<String, dev.tapio.sensors.Mechanism>> tiers;
      Map<String, Map<String, String>> fallbacks;
      Set<String> delivered;
      long filtered;
      java.util.OptionalLong skipped;
      try (SensorSet set = Sensors.open(SensorConfig.builder().kernelFilter(filter).build())) {
        set.start(Sensors.eventTypes(), event -> {});
        statuses = set.statuses();
        tiers = set.hookTiers();
        fallbacks = set.hookFallbacks();
        delivered = set.eventTypesDelivered();
        filtered =
            set.stats().stream()
                .mapToLong(st -> st.filtered().values().stream().mapToLong(Long::longValue).sum())
                .sum();
        skipped = set.skippedByKernel();
      }
      out.print(Sensors.report(FeatureProbe.probe(), statuses, tiers, fallbacks));
      out.print(Sensors.skippedLine(skipped));
      HostRoot host = HostRoot.of(settings.find(Settings.HOST_ROOT).orElse(null));
      out.println("host: " + host.path() + " (" + settings.origin(Settings.HOST_ROOT) + ")");
      host.describe(host.cri(CriSettings.DEFAULT)).forEach(line -> out.println("  " + line));
      kernelFilter(out, filterOn, settings, rules == null ? null : filter, filtered);
      if (rules != null) {
        out.println("rules:");
        RuleReach.report(rules.rules(), delivered).forEach(line -> out.println("  " + line));
      }
      out.flush();
      return statuses.values().stream().anyMatch(s -> s.state() != SourceStatus.State.UNAVAILABLE)
          ? 0
          : 1;
    }

    /**
     * Whether the file sensor drops in the kernel what no rule could match, and with {@code
     * --rules} what those rules' filter admits and how many records it dropped while the sensors
     * were attached for this probe (a running engine counts them in {@code
     * tapio_sensor_records_filtered_total}).
     */
    private static void kernelFilter(
        PrintWriter out,
        boolean on,
        EffectiveConfig settings,
        @Nullable KernelFilter filter,
        long filtered) {
      String origin = "sensors.file.kernelFilter, " + settings.origin(Settings.FILE_KERNEL_FILTER);
      if (!on) {
        out.println("kernel filter: off (" + origin + ")");
        return;
      }
      out.println("kernel filter: on (" + origin + ")");
      if (filter == null) {
        out.println("  derived from the rules tapio run loads; --rules shows what it admits");
        return;
      }
      out.println("  admits: " + filter.summary());
      out.println("  dropped while probing: " + filtered + " records");
    }
  }
}
