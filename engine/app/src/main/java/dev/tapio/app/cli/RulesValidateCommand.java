package dev.tapio.app.cli;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
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
 * {@code tapio rules validate FILE...}: load the files in order into one rule set, as {@code falco
 * --validate} does, and report each file as Ok, Ok with warnings, or Invalid.
 */
@Command(
    name = "validate",
    description = {
      "Check rule files: load them in order into one rule set and report each file.",
      "Exit status 1 when any file is invalid."
    })
public final class RulesValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "Rule files, in load order (default: bundled).")
  List<Path> files = new ArrayList<>();

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(names = "--no-warnings", description = "Leave warnings out of the text report.")
  boolean noWarnings;

  @Override
  public Integer call() {
    RuleLoader loader = RuleLoader.create();
    LoadReport report =
        files.isEmpty() ? loader.loadSources(BundledRules.sources()) : loader.load(files);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? report.json() + "\n" : report.text(!noWarnings));
    out.flush();
    return report.exitStatus();
  }
}
