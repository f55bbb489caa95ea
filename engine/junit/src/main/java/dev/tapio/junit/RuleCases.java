package dev.tapio.junit;

import dev.tapio.testing.CaseCheck;
import dev.tapio.testing.CaseDiscovery;
import dev.tapio.testing.CaseFileReader;
import dev.tapio.testing.RuleCaseSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

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

  /**
   * Every case file of {@code paths} (case files, or directories searched for them), each run
   * against the rules it names (none: the bundled rules). Closing the stream, as JUnit does,
   * releases the compiled rules.
   */
  public static Stream<DynamicNode> dynamicTests(Path... paths) {
    RuleCaseSuite suite = new RuleCaseSuite();
    return CaseDiscovery.find(List.of(paths)).stream()
        .map(path -> container(path, suite.checks(CaseFileReader.read(path))))
        .onClose(suite::close);
  }

  private static DynamicNode container(Path file, List<CaseCheck> checks) {
    return DynamicContainer.dynamicContainer(
        file.toString(),
        file.toUri(),
        checks.stream().map(c -> DynamicTest.dynamicTest(c.name(), file.toUri(), c::verify)));
  }
}
