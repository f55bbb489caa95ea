package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.diagnostics.FileResult;
import org.junit.jupiter.api.Test;

class BundledRulesTest {

  @Test
  void theBundledRulesLoadWithoutErrorsOrWarningsAndAllCompile() {
    LoadReport report = RuleLoader.create().loadSources(BundledRules.sources());

    assertThat(report.text(true))
        .isEqualTo(
            BundledRules.FILES.stream()
                .map(f -> "bundled:" + f + ": Ok\n")
                .collect(java.util.stream.Collectors.joining()));
    assertThat(report.files()).allMatch(FileResult::successful);
    assertThat(report.rules()).hasSizeGreaterThanOrEqualTo(10).allMatch(CompiledRule::enabled);
    assertThat(report.rules()).noneMatch(CompiledRule::anyEventType);
    CompiledRuleSet set = report.buildRuleSet();
    assertThat(set.eventTypes())
        .contains(
            "execve",
            "openat",
            "setns",
            "ptrace",
            "bpf",
            "setresuid",
            "init_module",
            "seccomp",
            "lsm_denial");
  }
}
