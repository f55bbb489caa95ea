package dev.tapio.app.cli;

import dev.tapio.testing.CaseDiscovery;
import dev.tapio.testing.CaseFormatException;
import dev.tapio.testing.CaseResult;
import dev.tapio.testing.Reports;
import dev.tapio.testing.RuleCaseSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tapio rules test PATH...}: run rule test cases. */
@Command(
    name = "test",
    description = {
      "Run rule test cases (YAML case files; directories are searched for *.yaml).",
      "Exit status 1 when a case fails, 2 when a case file or rule file is broken."
    })
public final class RulesTestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Case files or directories.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write JUnit XML here.")
  @Nullable Path junitXml;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<CaseResult> results;
    try (RuleCaseSuite suite = new RuleCaseSuite()) {
      results = suite.run(CaseDiscovery.find(paths));
    } catch (CaseFormatException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("tapio rules test: " + e.getMessage());
      err.flush();
      return 2;
    }
    Reports.text(results, out);
    if (junitXml != null) {
      Reports.junitXml(results, junitXml);
    }
    return results.stream().allMatch(CaseResult::passed) ? 0 : 1;
  }
}
