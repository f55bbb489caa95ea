package dev.tapio.testing;

import java.util.List;

/**
 * One case ready to run as a test in any framework: {@link #verify()} returns when it passes and
 * throws an {@link AssertionError} with the explanation {@code tapio rules test} prints when not.
 *
 * @param file the case file it comes from
 * @param ruleCase the case
 * @param runner the rules it runs against
 */
public record CaseCheck(CaseFile file, RuleCase ruleCase, CaseRunner runner) {

  /** Every case of {@code file}, in order, run by {@code runner}. */
  public static List<CaseCheck> of(CaseFile file, CaseRunner runner) {
    return file.cases().stream().map(c -> new CaseCheck(file, c, runner)).toList();
  }

  /** The case's name, as reports show it. */
  public String name() {
    return ruleCase.name();
  }

  /** Runs the case; an {@link AssertionError} listing every failure when it does not pass. */
  public void verify() {
    CaseResult result = runner.run(ruleCase);
    if (!result.passed()) {
      throw new AssertionError(String.join("\n", result.failures()));
    }
  }
}
