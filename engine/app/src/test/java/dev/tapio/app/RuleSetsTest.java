package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.FlagValue;
import dev.tapio.app.config.Settings;
import dev.tapio.rules.BundledRules;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files loaded alone or after the bundled rules, as rules.bundled says. */
class RuleSetsTest {
  /** The enabled rules of the bundled files, compiled on their own. */
  static final int BUNDLED_RULES =
      RuleLoader.create().loadSources(BundledRules.sources()).buildRuleSet().rules().size();

  @TempDir Path dir;
  Path local;

  /** A file that extends the bundled rules: appends to a bundled list, uses a bundled macro. */
  @BeforeEach
  void localRules() throws Exception {
    local =
        Files.writeString(
            dir.resolve("local.yaml"),
            """
            - list: tapio_credential_readers
              items: [my-vault-agent]
              append: true
            - rule: Local shell
              desc: d
              condition: tapio_spawned and proc.name = bash
              output: o
              priority: NOTICE
            """);
  }

  @Test
  void theBundledRulesAloneWhenNoFileIsGiven() {
    assertThat(BUNDLED_RULES).isGreaterThan(10);
    assertThat(RuleSets.load(List.of()).rules()).hasSize(BUNDLED_RULES);
  }

  @Test
  void filesAddedToTheBundledRulesExtendThem() {
    CompiledRuleSet rules = RuleSets.load(List.of(local), true, RuleSelection.NONE);

    assertThat(rules.rules()).hasSize(BUNDLED_RULES + 1);
    assertThat(rules.rule("Local shell")).isPresent();
  }

  @Test
  void filesAloneReplaceTheBundledRules() throws Exception {
    Path alone =
        Files.writeString(
            dir.resolve("alone.yaml"),
            """
            - rule: Local shell
              desc: d
              condition: evt.type = execve and proc.name = bash
              output: o
              priority: NOTICE
            """);

    assertThat(RuleSets.load(List.of(alone), false, RuleSelection.NONE).rules())
        .extracting(r -> r.name())
        .containsExactly("Local shell");
  }

  @Test
  void anUnreadableFileAfterTheBundledRulesIsNamed() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> RuleSets.load(List.of(missing), true, RuleSelection.NONE))
        .isInstanceOf(RuleSets.InvalidRulesException.class)
        .hasMessageContaining(missing + ": cannot read the rule file");
  }

  @Test
  void rulesBundledDefaultsToNoRuleFilesAndOtherwiseDecides() {
    assertThat(options(List.of(), List.of()).bundledRules()).isTrue();
    assertThat(options(List.of(local), List.of()).bundledRules()).isFalse();
    assertThat(
            options(List.of(local), List.of(FlagValue.of(Settings.RULES_BUNDLED, true, "--set")))
                .bundledRules())
        .isTrue();
    assertThat(
            options(List.of(), List.of(FlagValue.of(Settings.RULES_BUNDLED, false, "--set")))
                .describeRules())
        .isEqualTo("none");
    assertThat(
            options(List.of(local), List.of(FlagValue.parse("rules.bundled=true"))).describeRules())
        .isEqualTo("bundled + [" + local + "]");
  }

  private static EngineOptions options(List<Path> files, List<FlagValue> flags) {
    return new EngineOptions(
        files, false, null, false, 1 << 20, Map.of(), ConfigLoader.load(null, Map.of(), flags));
  }
}
