package dev.tapio.app.cli;

import dev.tapio.app.RuleSelection;
import dev.tapio.app.reload.RuleInputs;
import dev.tapio.app.reload.RuleShape;
import dev.tapio.app.reload.RuleShapeCache;
import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tapio rules compile [FILE...] --emit DIR [--show-filter] [--cache DIR]}: compile, and keep
 * what was generated: the DRL and the kernel filter; with {@code --cache}, warm the rule cache of
 * {@code tapio run} (an image build can, so its first start does not compile before the sensors).
 * Without files it compiles the bundled rules, as {@code tapio run} loads them: the build trains
 * the JVM's AOT cache on this command (no root, no BPF).
 */
@Command(
    name = "compile",
    description = "Compile rule files into a Drools rule base and write the generated rules.")
public final class RulesCompileCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description = "Rule files, in load order; none: the bundled rules.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--emit",
      paramLabel = "DIR",
      required = true,
      description =
          "Directory for the generated rules (rules.drl) and kernel filter (kernel-filter.yaml).")
  Path emit = Path.of(".");

  @Option(
      names = "--show-filter",
      description = "Also print the kernel filter the rules compile into (YAML).")
  boolean showFilter;

  @Option(
      names = "--cache",
      paramLabel = "DIR",
      description =
          "Also store what the sensors need of these rules in this rule cache (rules.cache.directory),"
              + " for tapio run --rules with the same FILE arguments and the rules.* settings at"
              + " their defaults: it then starts the sensors without compiling first.")
  @org.jspecify.annotations.Nullable Path cache;

  @Override
  public Integer call() throws IOException {
    boolean bundled = files.isEmpty();
    LoadReport report =
        bundled
            ? RuleLoader.create().loadSources(BundledRules.sources())
            : RuleLoader.create().load(files);
    PrintWriter out = spec.commandLine().getOut();
    if (!report.successful()) {
      out.print(report.text(false));
      out.flush();
      return 1;
    }
    CompiledRuleSet rules = report.buildRuleSet();
    Path written = rules.writeDrl(emit);
    Path filter = rules.writeKernelFilter(emit);
    long enabled = rules.rules().stream().filter(r -> r.enabled()).count();
    out.printf(
        "compiled %d rules (%d enabled) for %d event types; generated rules in %s, kernel filter"
            + " in %s%n",
        rules.rules().size(), enabled, rules.eventTypes().size(), written, filter);
    if (cache != null) {
      RuleInputs inputs = new RuleInputs(files, List.of(), bundled, RuleSelection.NONE, List.of());
      RuleShapeCache.in(cache)
          .store(
              RuleShapeCache.key(inputs), new RuleShape(rules.eventTypes(), rules.kernelFilter()));
      out.printf("rule cache: %s%n", cache);
    }
    if (showFilter) {
      out.print(rules.kernelFilter().describe());
    }
    out.flush();
    return 0;
  }
}
