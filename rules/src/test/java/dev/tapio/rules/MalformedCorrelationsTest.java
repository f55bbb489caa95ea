package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.FileResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken correlations: the first error's code, exact message and position (line:column). */
class MalformedCorrelationsTest {

  static final String RULE =
      "- rule: Shell\n  desc: d\n  output: o\n  priority: INFO\n  condition: evt.type = execve\n";

  /** A valid correlation (lines 6-13) with {@code replace} applied. */
  static String c(String from, String to) {
    String ok =
        """
        - correlation: c
          steps:
            - rule: Shell
            - condition: evt.type = connect
          by: [container.id]
          within: 60s
          output: "%step1.proc.name then %fd.sip"
          priority: WARNING
        """;
    assertThat(ok).contains(from);
    return RULE + ok.replace(from, to);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "unknown step rule",
            c("rule: Shell", "rule: Shel"),
            "LOAD_ERR_VALIDATE",
            "Step 'step1' refers to rule 'Shel', which is not defined",
            "t.yaml:8:13"),
        Arguments.of(
            "bad duration",
            c("within: 60s", "within: 60 seconds"),
            "LOAD_ERR_VALIDATE",
            "Invalid duration '60 seconds': use a whole number followed by ms, s, m or h (e.g. 60s)",
            "t.yaml:11:11"),
        Arguments.of(
            "unknown key field",
            c("by: [container.id]", "by: [container.id, proc.sidd]"),
            "LOAD_ERR_VALIDATE",
            "Unknown field 'proc.sidd' in key",
            "t.yaml:10:22"),
        Arguments.of(
            "unknown field in a step",
            c("evt.type = connect", "evt.type = connect and fd.sipp = 1"),
            "LOAD_ERR_COMPILE_CONDITION",
            "filter_check called with nonexistent field fd.sipp",
            "t.yaml:9:41"),
        Arguments.of(
            "unknown output field",
            c("%fd.sip", "%nope.x"),
            "LOAD_ERR_COMPILE_OUTPUT",
            "invalid formatting token nope.x: unknown filter",
            "t.yaml:6:3"),
        Arguments.of(
            "step with both",
            c("- rule: Shell", "- {rule: Shell, condition: evt.type = open}"),
            "LOAD_ERR_YAML_VALIDATE",
            "A step needs exactly one of 'condition' and 'rule'",
            "t.yaml:8:7"),
        Arguments.of(
            "sequence of one",
            c("    - condition: evt.type = connect\n", ""),
            "LOAD_ERR_YAML_VALIDATE",
            "A sequence needs at least 2 steps",
            "t.yaml:8:5"),
        Arguments.of(
            "bad kind",
            c("  by:", "  kind: burst\n  by:"),
            "LOAD_ERR_YAML_VALIDATE",
            "Invalid correlation kind 'burst': use sequence, threshold or absence",
            "t.yaml:10:9"),
        Arguments.of(
            "threshold without count",
            c("    - rule: Shell\n", "").replace("  by:", "  kind: threshold\n  by:"),
            "LOAD_ERR_YAML_VALIDATE",
            "Item has no mapping for key 'count'",
            "t.yaml:6:3"),
        Arguments.of(
            "duplicate step name",
            c("- rule: Shell", "- {name: a, rule: Shell}")
                .replace("- condition:", "- name: a\n      condition:"),
            "LOAD_ERR_YAML_VALIDATE",
            "Step name 'a' is used twice",
            "t.yaml:9:13"),
        Arguments.of(
            "key for a step that does not exist",
            c("by: [container.id]", "by: [{step1: proc.pid, step3: proc.pid}]"),
            "LOAD_ERR_YAML_VALIDATE",
            "Key names step 'step3', which is not a step",
            "t.yaml:10:26"),
        Arguments.of(
            "missing window",
            c("  within: 60s\n", ""),
            "LOAD_ERR_YAML_VALIDATE",
            "Item has no mapping for key 'within'",
            "t.yaml:6:3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactMessageAndPosition(
      String name, String yaml, String code, String message, String position) {
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", yaml)));
    FileResult file = report.files().getFirst();
    assertThat(file.status()).as(report.text(true)).isEqualTo(FileResult.Status.INVALID);
    Diagnostic first = file.errors().getFirst();
    assertThat(first.code().name()).as(report.text(false)).isEqualTo(code);
    assertThat(first.message()).isEqualTo(message);
    assertThat(String.valueOf(first.position())).as(report.text(false)).isEqualTo(position);
  }

  @ParameterizedTest(name = "valid: {0}")
  @MethodSource("cases")
  void theUnbrokenCorrelationLoads(String name, String yaml) {
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", c("", ""))));
    assertThat(report.successful()).as(report.text(true)).isTrue();
    assertThat(report.correlations())
        .singleElement()
        .extracting(CompiledCorrelation::name)
        .isEqualTo("c");
  }
}
