package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.BundledRules;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every bundled rule has a case where it fires and one where it stays silent. */
class DefaultRulesTest {

  static Path cases() throws URISyntaxException {
    return Path.of(DefaultRulesTest.class.getResource("/default-rules").toURI());
  }

  @TestFactory
  Stream<DynamicNode> bundledRuleCases() throws URISyntaxException {
    return RuleCases.dynamicTests(cases());
  }

  @Test
  void everyBundledRuleIsCoveredByAFiringCase() throws URISyntaxException {
    LoadReport report = RuleLoader.create().loadSources(BundledRules.sources());
    Set<String> fired = new HashSet<>();
    Set<Boolean> silentCases = new HashSet<>();
    for (Path file : CaseDiscovery.find(List.of(cases()))) {
      for (RuleCase c : CaseFileReader.read(file).cases()) {
        c.expected().forEach(e -> fired.add(e.rule()));
        silentCases.add(c.expectsSilence());
      }
    }
    assertThat(fired)
        .containsExactlyInAnyOrderElementsOf(report.rules().stream().map(r -> r.name()).toList());
    assertThat(silentCases).contains(true);
  }
}
