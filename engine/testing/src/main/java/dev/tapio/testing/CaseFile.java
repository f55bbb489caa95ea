package dev.tapio.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * A file of test cases.
 *
 * @param path where it was read from
 * @param ruleFiles the rule files under test, in load order (resolved against the case file's
 *     directory); empty means the engine's bundled rules
 * @param cases its cases, in file order
 */
public record CaseFile(Path path, List<Path> ruleFiles, List<RuleCase> cases) {

  public CaseFile {
    ruleFiles = List.copyOf(ruleFiles);
    cases = List.copyOf(cases);
  }
}
