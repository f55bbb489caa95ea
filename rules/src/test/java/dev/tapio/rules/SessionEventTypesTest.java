package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.ProcessExit;
import dev.tapio.rules.internal.drools.RuleSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events of a type no rule can match skip the Drools session (process exits and forks reach the
 * pipeline for enrichment), and that changes nothing about what matches.
 */
class SessionEventTypesTest {

  private static CompiledRuleSet rules(String... conditions) {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < conditions.length; i++) {
      yaml.append("- rule: r")
          .append(i)
          .append("\n  desc: d\n  output: o\n  priority: INFO\n  condition: ")
          .append(conditions[i])
          .append('\n');
    }
    LoadReport r =
        RuleLoader.create(RuleMatching.ALL)
            .loadSources(List.of(new RuleLoader.Source("r.yaml", yaml.toString())));
    assertThat(r.exitStatus()).as(r.text(false)).isZero();
    return r.buildRuleSet();
  }

  private static List<String> fired(CompiledRuleSet set, String... names) {
    List<String> fired = new ArrayList<>();
    try (RuleSession s = set.session((rule, e) -> fired.add(rule.name()))) {
      s.process(Events.of(Events.exec("/bin/bash", "bash"), names));
      s.process(Events.of(new ProcessExit(Events.HEADER, 0, 0, true), names));
      s.process(Events.of(Events.open("/etc/x", 1), names));
    }
    return fired;
  }

  @Test
  void typesNoRuleMatchesAreNotInsertedAndTheRestMatchAsBefore() {
    CompiledRuleSet set =
        rules("evt.type = execve and proc.name = bash", "evt.type = openat and proc.name = bash");
    try (RuleSession s = set.session((rule, e) -> {})) {
      assertThat(s.matches("execve")).isTrue();
      assertThat(s.matches("openat")).isTrue();
      assertThat(s.matches("procexit")).isFalse();
      assertThat(s.matches("clone")).isFalse();
    }
    assertThat(fired(set, "bash")).containsExactly("r0", "r1");
    assertThat(fired(set, "sh")).isEmpty();
  }

  @Test
  void aRuleOfEveryTypeLetsEveryEventIn() {
    CompiledRuleSet set = rules("evt.type = execve and proc.name = bash", "proc.name = bash");
    try (RuleSession s = set.session((rule, e) -> {})) {
      assertThat(s.matches("procexit")).isTrue();
      assertThat(s.matches("no such type")).isTrue();
    }
    assertThat(fired(set, "bash")).containsExactly("r0", "r1", "r1", "r1");
  }
}
