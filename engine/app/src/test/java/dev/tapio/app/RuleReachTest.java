package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.app.RuleReach.DeadRule;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.LoadReport;
import dev.tapio.rules.RuleLoader;
import dev.tapio.sensors.Sensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which rules can never fire given the event types the sensors deliver. */
class RuleReachTest {
  private static final Path FALCO_RULES =
      Path.of("../../../shared/falco-rules/falco_rules.yaml").toAbsolutePath().normalize();

  private static final String RULES =
      """
      - rule: Shell spawned
        desc: d
        condition: evt.type = execve and proc.name = bash
        output: o
        priority: NOTICE
      - rule: Process injected
        desc: d
        condition: evt.type = ptrace and evt.arg.request = PTRACE_ATTACH
        output: o
        priority: WARNING
      - rule: Outbound or exec
        desc: d
        condition: evt.type in (connect, execve) and proc.name = nc
        output: o
        priority: NOTICE
      - rule: Network tool
        desc: d
        condition: evt.type in (sendto, connect, bind) and proc.name = nc
        output: o
        priority: NOTICE
      - rule: Setuid while disabled
        desc: d
        condition: evt.type = setuid
        output: o
        priority: NOTICE
        enabled: false
      - rule: Anything by nc
        desc: d
        condition: proc.name = nc
        output: o
        priority: NOTICE
      """;

  private static List<CompiledRule> load(String text) {
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("rules.yaml", text)));
    assertThat(report.successful()).as(report.text(true)).isTrue();
    return report.rules();
  }

  @Test
  void aRuleIsDeadWhenNoneOfItsEventTypesIsDelivered() {
    List<CompiledRule> rules = load(RULES);

    assertThat(RuleReach.dead(rules, Set.of("execve", "openat")))
        .containsExactly(
            new DeadRule("Process injected", Set.of("ptrace")),
            new DeadRule("Network tool", Set.of("bind", "connect", "sendto")));
    assertThat(RuleReach.report(rules, Set.of("execve", "openat")))
        .containsExactly(
            "rule 'Process injected' cannot fire: no sensor on this kernel produces ptrace",
            "rule 'Network tool' cannot fire: no sensor on this kernel produces bind, connect,"
                + " sendto",
            "2 of 5 enabled rules cannot fire on this kernel");
  }

  @Test
  void withNothingDeliveredEveryEnabledRuleIsNamed() {
    List<String> lines = RuleReach.report(load(RULES), Set.of());

    assertThat(lines).hasSize(6);
    assertThat(lines.get(4))
        .isEqualTo(
            "rule 'Anything by nc' cannot fire: it matches every event type and no sensor on this"
                + " kernel produces any");
    assertThat(lines.getLast()).isEqualTo("5 of 5 enabled rules cannot fire on this kernel");
  }

  @Test
  void whenEveryRuleCanFireOnlyTheCountIsSaid() {
    assertThat(RuleReach.report(load(RULES), Set.of("execve", "ptrace", "bind")))
        .containsExactly("all 5 enabled rules can fire on this kernel");
  }

  @Test
  void manyMissingTypesAreCut() {
    var dead =
        new DeadRule(
            "Wide",
            new TreeSet<>(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "b1")));
    assertThat(dead.line())
        .isEqualTo(
            "rule 'Wide' cannot fire: no sensor on this kernel produces a1, a2, a3, a4, a5, a6,"
                + " a7, a8 (and 2 more)");
  }

  /**
   * Falco's stable rules against what our sensors can produce: exactly the rules on event types no
   * sensor reports are named, and no rule that can fire.
   */
  @Test
  void falcoStableRulesThatCannotFireAreExactlyThoseOnEventTypesWeDoNotProduce() throws Exception {
    assumeTrue(
        Files.isRegularFile(FALCO_RULES),
        "SKIPPED LOUDLY: Falco's rules are not at " + FALCO_RULES + "; no dead rule is checked");
    LoadReport report = RuleLoader.create().load(List.of(FALCO_RULES));
    assertThat(report.successful()).as(report.text(false)).isTrue();
    Set<String> produced = Sensors.eventTypes();

    List<DeadRule> dead = RuleReach.dead(report.rules(), produced);

    assertThat(dead)
        .extracting(DeadRule::rule)
        .containsExactlyInAnyOrder(
            "Contact K8S API Server From Container", // connect
            "Disallowed SSH Connection Non Standard Port", // connect, sendto, ...
            "Packet socket created in container", // socket
            "Redirect STDOUT/STDIN to Network Connection in Container"); // dup*
    assertThat(dead)
        .filteredOn(d -> d.rule().equals("Packet socket created in container"))
        .extracting(DeadRule::missing)
        .containsOnly(Set.of("socket"));
    for (CompiledRule rule : report.rules()) {
      boolean canFire = rule.eventTypes().stream().anyMatch(produced::contains);
      assertThat(dead.stream().anyMatch(d -> d.rule().equals(rule.name())))
          .as("%s on %s", rule.name(), rule.eventTypes())
          .isEqualTo(rule.enabled() && !canFire);
    }
  }
}
