package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every bundled rule has a case where it fires and one where it stays silent. */
class DefaultRulesTest {

  static Path cases() throws URISyntaxException {
    return Path.of(DefaultRulesTest.class.getResource("/default-rules").toURI());
  }

  static List<RuleCase> allCases() throws URISyntaxException {
    return CaseDiscovery.find(List.of(cases())).stream()
        .flatMap(file -> CaseFileReader.read(file).cases().stream())
        .toList();
  }

  @TestFactory
  Stream<DynamicNode> bundledRuleCases() throws URISyntaxException {
    RuleCaseSuite suite = new RuleCaseSuite();
    return CaseDiscovery.find(List.of(cases())).stream()
        .map(
            path ->
                CaseTests.container(path.toString(), path, suite.checks(CaseFileReader.read(path))))
        .onClose(suite::close);
  }

  /**
   * A firing case expects the rule to fire; a silent case hands the rule an event of a type it
   * looks at and expects it not to fire (its alerts not filtered away by the case's focus).
   */
  @Test
  void everyBundledRuleHasAFiringAndASilentCase() throws URISyntaxException {
    Set<String> withoutFiring = new TreeSet<>();
    Set<String> withoutSilence = new TreeSet<>();
    try (CompiledRulesHarness rules = CompiledRulesHarness.load(List.of())) {
      List<RuleCase> cases = allCases();
      for (String rule : rules.ruleNames()) {
        if (cases.stream().noneMatch(c -> fires(c, rule))) {
          withoutFiring.add(rule);
        }
        if (cases.stream()
            .noneMatch(
                c ->
                    !fires(c, rule)
                        && (c.focus().isEmpty() || c.focus().contains(rule))
                        && c.events().stream().anyMatch(e -> rules.looksAt(rule, e)))) {
          withoutSilence.add(rule);
        }
      }
      assertThat(rules.ruleNames()).as("the bundled rules").isNotEmpty();
    }
    assertThat(withoutFiring).as("bundled rules with no firing case").isEmpty();
    assertThat(withoutSilence).as("bundled rules with no silent case").isEmpty();
  }

  private static boolean fires(RuleCase c, String rule) {
    return c.expected().stream()
        .anyMatch(e -> e.rule().equals(rule) && (e.count() == null || e.count() > 0));
  }
}
