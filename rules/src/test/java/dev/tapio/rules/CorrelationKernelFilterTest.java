package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The kernel filter lets through what correlation steps need, not only what rules need: a step's
 * open is an event no rule may want.
 */
class CorrelationKernelFilterTest {
  private static final int WRITE_CREATE = 0x241; // O_WRONLY | O_CREAT | O_TRUNC

  @Test
  void opensOnlyACorrelationStepNeedsPassTheKernelFilter() {
    CompiledRuleSet bundled =
        RuleLoader.create().loadSources(BundledRules.sources()).buildRuleSet();
    CompiledRuleSet rulesAlone =
        CompiledRuleSet.build(bundled.rules(), java.util.List.of(), bundled.matching());

    // "New binary written then run in a container": any file opened for writing
    assertThat(rulesAlone.kernelFilter().admits("openat", "/srv/cache/payload", WRITE_CREATE, 3))
        .isFalse();
    assertThat(bundled.kernelFilter().admits("openat", "/srv/cache/payload", WRITE_CREATE, 3))
        .isTrue();
    // a plain read is still nothing any rule or step needs
    assertThat(bundled.kernelFilter().admits("openat", "/srv/cache/payload", 0, 3)).isFalse();
  }

  @Test
  void theLoadReportsFilterIsTheRuleSetsWithoutBuildingIt() {
    LoadReport report = RuleLoader.create().loadSources(BundledRules.sources());
    CompiledRuleSet bundled = report.buildRuleSet();

    assertThat(report.kernelFilter()).isEqualTo(bundled.kernelFilter());
    assertThat(report.kernelFilter().admits("openat", "/srv/cache/payload", WRITE_CREATE, 3))
        .isTrue();
    assertThat(CompiledRuleSet.kernelFilter(report.rules()))
        .as("the rules alone")
        .isNotEqualTo(report.kernelFilter());
  }
}
