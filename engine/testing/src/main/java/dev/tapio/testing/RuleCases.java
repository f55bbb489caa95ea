package dev.tapio.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Rule cases as JUnit tests, for a project's own test suite:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> rules() {
 *   return RuleCases.dynamicTests(Path.of("src/test/rules"));
 * }
 * }</pre>
 *
 * One container per case file, one test per case; a failing case fails with the same explanation
 * {@code tapio rules test} prints.
 */
public final class RuleCases {
  private RuleCases() {}

  public static Stream<DynamicNode> dynamicTests(Path... paths) {
    List<Path> files = CaseDiscovery.find(List.of(paths));
    RuleCaseSuite suite = new RuleCaseSuite();
    return files.stream()
        .map(
            path -> {
              CaseFile file = CaseFileReader.read(path);
              Stream<DynamicTest> tests =
                  file.cases().stream()
                      .map(
                          c ->
                              DynamicTest.dynamicTest(
                                  c.name(),
                                  path.toUri(),
                                  () -> {
                                    CaseResult r = suite.runnerFor(file).run(c);
                                    if (!r.passed()) {
                                      throw new AssertionFailedError(
                                          String.join("\n", r.failures()));
                                    }
                                  }));
              return (DynamicNode)
                  DynamicContainer.dynamicContainer(path.toString(), path.toUri(), tests);
            })
        .onClose(suite::close);
  }
}
