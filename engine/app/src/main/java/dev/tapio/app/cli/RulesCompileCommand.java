package dev.tapio.app.cli;

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
 * {@code tapio rules compile FILE... --emit DIR [--show-filter]}: compile, and keep what was
 * generated: the DRL and the kernel filter.
 */
@Command(
    name = "compile",
    description = "Compile rule files into a Drools rule base and write the generated rules.")
public final class RulesCompileCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Rule files, in load order.")
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

  @Override
  public Integer call() throws IOException {
    LoadReport report = RuleLoader.create().load(files);
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
    if (showFilter) {
      out.print(rules.kernelFilter().describe());
    }
    out.flush();
    return 0;
  }
}
