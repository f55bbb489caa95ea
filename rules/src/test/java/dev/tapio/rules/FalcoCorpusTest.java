package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.diagnostics.FileResult;
import dev.tapio.rules.internal.drools.RuleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Falco's own rule files (read from the shared folder beside the repository) load cleanly. */
class FalcoCorpusTest {

  static final Path DIR = Path.of("..", "..", "shared", "falco-rules").toAbsolutePath().normalize();
  static final Path STABLE = DIR.resolve("falco_rules.yaml");
  static final Path INCUBATING = DIR.resolve("falco-incubating_rules.yaml");
  static final Path SANDBOX = DIR.resolve("falco-sandbox_rules.yaml");

  @BeforeAll
  static void corpusPresent() {
    boolean present = Files.isRegularFile(STABLE);
    if (!present) {
      System.err.println(
          "!!!!! Falco rule corpus not found at " + DIR + ": corpus tests SKIPPED !!!!!");
    }
    assumeTrue(present, "Falco rule corpus missing at " + DIR);
  }

  @Test
  void eachFileValidatesAlone() {
    for (Path p : List.of(STABLE, INCUBATING, SANDBOX)) {
      LoadReport report = RuleLoader.create().load(List.of(p));
      System.out.println(report.text(true));
      assertThat(report.files().getFirst().errors()).as(p.toString()).isEmpty();
    }
  }

  @Test
  void allThreeTogetherCompileIntoOneRuleBase() throws Exception {
    LoadReport report = RuleLoader.create().load(List.of(STABLE, INCUBATING, SANDBOX));
    System.out.println(report.text(false));
    assertThat(report.files()).extracting(FileResult::successful).containsOnly(true);
    assertThat(report.exitStatus()).isZero();
    CompiledRuleSet set = report.buildRuleSet();
    long enabled = report.rules().stream().filter(CompiledRule::enabled).count();
    // Falco's three files as shared beside the repository
    assertThat(report.rules()).hasSize(93);
    assertThat(enabled).isEqualTo(81);
    assertThat(set.rule("Terminal shell in container"))
        .get()
        .extracting(CompiledRule::enabled)
        .isEqualTo(true);
    assertThat(report.rules()).anyMatch(r -> !r.enabled());
    String drl = set.drl();
    for (CompiledRule r : report.rules()) {
      if (!r.enabled()) {
        assertThat(drl).as(r.name()).doesNotContain("rule \"r" + r.index() + "_");
      }
    }
    EnrichedEvent[] mix = dev.tapio.rules.bench.RuleEngineBenchmark.mix();
    List<String> fired = new java.util.ArrayList<>();
    try (RuleSession session = set.session((rule, event) -> fired.add(rule.name()))) {
      for (EnrichedEvent e : mix) {
        session.process(e);
      }
    }
    assertThat(fired).containsExactly("Read sensitive file untrusted");
    String output =
        set.rule("Read sensitive file untrusted")
            .orElseThrow()
            .output()
            .render(mix[mix.length - 1]);
    assertThat(output).contains("file=/etc/shadow").contains("process=python3");
  }
}
