package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.rules.diagnostics.Diagnostic;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.FileResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Warnings, skipped rules and the exact layout of reports. */
class ReportingTest {

  static LoadReport load(String yaml) {
    return RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", yaml)));
  }

  static List<String> warnings(LoadReport r) {
    return r.files().getFirst().warnings().stream()
        .map(d -> d.code() + ": " + d.message() + " @ " + d.position())
        .toList();
  }

  @Test
  void validateTextShowsContextChainSnippetAndCode() {
    // a field error inside a macro is reported where a rule uses it: rule, then macro, then place
    LoadReport r =
        load(
            """
            - macro: m
              condition: >
                evt.type = open and
                proc.nme = x
            - rule: r
              desc: d
              output: o
              priority: INFO
              condition: m
            """);
    assertThat(r.text(false))
        .isEqualTo(
            """
            t.yaml: Invalid
            In rules content: (t.yaml:0:0)
                rule 'r': (t.yaml:5:3)
                macro 'm': (t.yaml:1:3)
                macro condition: (t.yaml:4:5)
            ------
                proc.nme = x
                ^
            ------
            LOAD_ERR_COMPILE_CONDITION (Error compiling condition): filter_check called with\
             nonexistent field proc.nme
            """);
  }

  @Test
  void jsonHasFalcosShape() {
    LoadReport r =
        load("- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: a.b = 1\n");
    assertThat(r.json())
        .contains("\"falco_load_results\"")
        .contains("\"successful\" : false")
        .contains("\"item_type\" : \"rule condition\"")
        .contains("\"code\" : \"LOAD_ERR_COMPILE_CONDITION\"")
        .contains("\"codedesc\" : \"Error compiling condition\"")
        .contains("\"message\" : \"filter_check called with nonexistent field a.b\"");
  }

  @Test
  void unknownKeysItemsAndSourcesAreWarnings() {
    LoadReport r =
        load(
            """
            - frobnicate: yes
            - rule: r
              desc: d
              output: o
              priority: INFO
              condition: evt.type = open
              colour: red
            - rule: k
              desc: d
              output: o
              priority: INFO
              source: k8s_audit
              condition: ka.verb = get
            """);
    assertThat(r.successful()).isTrue();
    assertThat(warnings(r))
        .containsExactly(
            "LOAD_UNKNOWN_ITEM: Unknown top level item @ t.yaml:1:3",
            "LOAD_UNKNOWN_KEY: Unknown key 'colour' @ t.yaml:7:3",
            "LOAD_UNKNOWN_SOURCE: Unknown source k8s_audit, skipping @ t.yaml:8:3");
    assertThat(r.rules()).extracting(CompiledRule::name).containsExactly("r");
  }

  @Test
  void skipIfUnknownFilterDropsTheRuleWithAWarning() {
    LoadReport r =
        load(
            """
            - rule: r
              desc: d
              output: o
              priority: INFO
              skip-if-unknown-filter: true
              condition: evt.type = open and some.plugin_field = 1
            """);
    assertThat(r.successful()).isTrue();
    assertThat(warnings(r))
        .containsExactly(
            "LOAD_UNKNOWN_FILTER: Skipping rule with unknown field: filter_check called with"
                + " nonexistent field some.plugin_field @ t.yaml:6:34");
    assertThat(r.rules()).isEmpty();
  }

  @Test
  void containerInfoIsRemovedFromOutputs() {
    LoadReport r =
        load(
            "- rule: r\n  desc: d\n  output: shell %proc.name %container.info\n  priority: INFO\n"
                + "  condition: evt.type = execve\n");
    assertThat(warnings(r))
        .containsExactly(
            "LOAD_DEPRECATED_ITEM: %container.info is deprecated and removed from the output @"
                + " t.yaml:1:3");
    assertThat(r.rules().getFirst().output().format()).isEqualTo("shell %proc.name");
  }

  @Test
  void aFieldTheSensorsNeverCollectIsNamedInAWarning() {
    LoadReport r =
        load(
            "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = execve and proc.is_container_healthcheck = true\n");
    assertThat(warnings(r))
        .containsExactly(
            "LOAD_COMPILE_CONDITION: Field 'proc.is_container_healthcheck' is not extracted on"
                + " Tapio's live events:"
                + " every comparison on it is false @ t.yaml:5:36");
    assertThat(r.rules()).hasSize(1);
  }

  @Test
  void aNeverExtractedFieldInAMacroIsWarnedOnceForItsPlace() {
    LoadReport r =
        load(
            "- macro: tunables\n  condition: proc.is_container_healthcheck = true\n"
                + "- rule: a\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = execve and tunables\n"
                + "- rule: b\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = execveat and tunables\n");
    assertThat(warnings(r))
        .singleElement()
        .asString()
        .startsWith(
            "LOAD_COMPILE_CONDITION: Field 'proc.is_container_healthcheck' is not extracted");
  }

  @Test
  void aFieldLiveEventsCarryIsNotWarned() {
    LoadReport r =
        load(
            "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = execve and proc.is_exe_from_memfd = true\n");
    assertThat(warnings(r)).isEmpty();
  }

  @Test
  void regexThatIsReallyAPlainStringIsWarned() {
    LoadReport r =
        load(
            "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = open and proc.name regex \".*ssh.*\"\n");
    assertThat(warnings(r))
        .containsExactly(
            "LOAD_COMPILE_CONDITION: regex '.*ssh.*' can be written with the simpler and faster"
                + " operator 'contains' @ t.yaml:5:50");
  }

  @Test
  void outputEndingInPercentIsAnError() {
    LoadReport r =
        load(
            "- rule: r\n  desc: d\n  output: 100%\n  priority: INFO\n  condition: evt.type = open\n");
    Diagnostic d = r.files().getFirst().errors().getFirst();
    assertThat(d.code()).isEqualTo(DiagnosticCode.LOAD_ERR_COMPILE_OUTPUT);
    assertThat(d.message()).isEqualTo("invalid formatting token % at the end");
  }

  @Test
  void unreadableFileIsReported() {
    LoadReport r = RuleLoader.create().load(List.of(Path.of("/nonexistent/rules.yaml")));
    FileResult f = r.files().getFirst();
    assertThat(f.status()).isEqualTo(FileResult.Status.INVALID);
    assertThat(f.errors().getFirst().message())
        .isEqualTo("Could not read file: /nonexistent/rules.yaml");
    assertThat(r.text(false)).startsWith("/nonexistent/rules.yaml: Invalid\n");
  }

  @Test
  void listNamesInsideExceptionValuesAreSubstitutedToo() {
    LoadReport r =
        load(
            """
            - list: editors
              items: [vim, nano]
            - rule: r
              desc: d
              output: o
              priority: INFO
              condition: evt.type = openat
              exceptions:
              - name: e
                fields: [proc.name]
                comps: [in]
                values: [[editors]]
            """);
    assertThat(r.successful()).as(r.text(true)).isTrue();
    assertThat(r.rules().getFirst().condition())
        .isEqualTo("(evt.type = openat) and not (( proc.name in ( vim, nano )))");
  }
}
