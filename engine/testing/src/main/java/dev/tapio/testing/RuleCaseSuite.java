package dev.tapio.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs case files, compiling each distinct list of rule files once. Used by {@code tapio rules
 * test} and by the JUnit integration.
 */
public final class RuleCaseSuite implements AutoCloseable {
  private final Map<List<Path>, CompiledRulesHarness> harnesses = new HashMap<>();

  /** The harness for {@code file}'s rules, compiled on first use. */
  public CaseRunner runnerFor(CaseFile file) {
    return new CaseRunner(harnesses.computeIfAbsent(file.ruleFiles(), CompiledRulesHarness::load));
  }

  /** Every case of {@code file} as a check against the file's rules, compiled on first use. */
  public List<CaseCheck> checks(CaseFile file) {
    return CaseCheck.of(file, runnerFor(file));
  }

  /** Reads and runs every case of {@code files}, in order. */
  public List<CaseResult> run(List<Path> files) {
    List<CaseResult> results = new ArrayList<>();
    for (Path path : files) {
      CaseFile file = CaseFileReader.read(path);
      CaseRunner runner = runnerFor(file);
      file.cases().forEach(c -> results.add(runner.run(c)));
    }
    return results;
  }

  @Override
  public void close() {
    harnesses.values().forEach(CompiledRulesHarness::close);
    harnesses.clear();
  }
}
