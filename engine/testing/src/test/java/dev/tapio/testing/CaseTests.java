package dev.tapio.testing;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Case checks as dynamic tests, for this module's own suites. Users get the same from {@code
 * dev.tapio.junit.RuleCases} (tapio-junit), which this module cannot depend on.
 */
final class CaseTests {
  private CaseTests() {}

  static DynamicNode container(String name, Path file, List<CaseCheck> checks) {
    return DynamicContainer.dynamicContainer(
        name,
        file.toUri(),
        checks.stream().map(c -> DynamicTest.dynamicTest(c.name(), file.toUri(), c::verify)));
  }
}
