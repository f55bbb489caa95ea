package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.alert.Priority;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CaseRunnerTest {
  @TempDir Path dir;

  private final FakeHarness harness =
      new FakeHarness()
          .rule(
              "Shell spawned",
              Priority.WARNING,
              e -> e.type().equals("execve") && e.process().name().equals("bash"))
          .rule("Shadow read", Priority.CRITICAL, e -> e.type().equals("openat"))
          .disabled("Old rule");

  private List<CaseResult> run(String yaml) throws Exception {
    Path file = dir.resolve("cases.yaml");
    Files.writeString(file, yaml);
    CaseRunner runner = new CaseRunner(harness);
    return CaseFileReader.read(file).cases().stream().map(runner::run).toList();
  }

  @Test
  void matchingExpectationsPass() throws Exception {
    List<CaseResult> results =
        run(
            """
            cases:
              - name: bash fires
                events: [{type: execve, process: {exe: /bin/bash}}]
                expect: [{rule: Shell spawned, priority: warning, count: 1, fields: {proc.name: bash, fd.name: <NA>}}]
              - name: sh stays silent
                events: [{type: execve, process: {exe: /bin/sh}}]
                expect: []
            """);
    assertThat(results).allSatisfy(r -> assertThat(r.failures()).isEmpty());
    assertThat(results.getFirst().alerts()).hasSize(1);
  }

  @Test
  void aRuleThatDidNotFireIsExplainedEventByEvent() throws Exception {
    CaseResult r =
        run("""
                cases:
                  - name: wrong event
                    events: [{type: openat, path: /tmp/x, process: {exe: /bin/bash}}]
                    expect: [{rule: Shell spawned}, {rule: Shadow read}]
                """)
            .getFirst();
    assertThat(r.failures())
        .containsExactly(
            """
            expected rule 'Shell spawned' to fire, but it did not:
              event 0 (openat):
                evt.type = execve: false (evt.type was 'openat')""");
  }

  @Test
  void wrongFieldsCountsAndPrioritiesAreEachReported() throws Exception {
    CaseResult r =
        run("""
                cases:
                  - name: mismatches
                    events:
                      - {type: execve, process: {exe: /bin/bash}}
                      - {type: execve, process: {exe: /bin/bash}}
                    expect:
                      - {rule: Shell spawned, count: 1, priority: Critical, fields: {proc.name: zsh, proc.bogus: x}}
                """)
            .getFirst();
    assertThat(r.failures())
        .containsExactly(
            "rule 'Shell spawned' fired 2 time(s), expected 1 (on events [0, 1])",
            "rule 'Shell spawned' fired with priority Warning, expected Critical",
            """
            rule 'Shell spawned' fired, but not with the expected fields:
              on event 0 (execve):
                proc.name: expected 'zsh' but was 'bash'
                proc.bogus: not an output field of this rule (its fields: [proc.name, fd.name])
              on event 1 (execve):
                proc.name: expected 'zsh' but was 'bash'
                proc.bogus: not an output field of this rule (its fields: [proc.name, fd.name])""");
  }

  @Test
  void unexpectedAlertsAndUnknownRulesFail() throws Exception {
    List<CaseResult> results =
        run(
            """
            cases:
              - name: silence broken
                events: [{type: openat, path: /etc/shadow, process: {exe: /usr/bin/cat}}]
                expect: []
              - name: typo
                events: [{type: openat, path: /etc/shadow}]
                expect: [{rule: Shadow reed}, {rule: Old rule}]
                focus: [Shadow reed]
            """);
    assertThat(results.get(0).failures())
        .containsExactly(
            "expected silence, but rule 'Shadow read' (Critical) fired on event 0 (openat):"
                + " Shadow read by cat");
    assertThat(results.get(1).failures())
        .containsExactly(
            "rule 'Shadow reed' is not in the loaded rules (did you mean 'Shadow read'?)",
            "rule 'Shadow reed' is not in the loaded rules (did you mean 'Shadow read'?)",
            "rule 'Old rule' is loaded but disabled: it can never fire");
  }

  @Test
  void focusIgnoresOtherRules() throws Exception {
    CaseResult r =
        run("""
                cases:
                  - name: only the shell rule matters
                    focus: [Shell spawned]
                    events:
                      - {type: openat, path: /etc/shadow}
                      - {type: execve, process: {exe: /bin/bash}}
                    expect: [{rule: Shell spawned}]
                """)
            .getFirst();
    assertThat(r.failures()).isEmpty();
    assertThat(r.alerts()).extracting(a -> a.rule()).containsExactly("Shell spawned");
  }

  @Test
  void reportsRenderAsTextAndAsJUnitXmlThatParsesBack() throws Exception {
    List<CaseResult> results =
        run(
            """
            cases:
              - name: passes
                events: [{type: execve, process: {exe: /bin/bash}}]
                expect: [{rule: Shell spawned}]
              - name: fails <&>
                events: [{type: execve, process: {exe: /bin/bash}}]
                expect: []
            """);
    StringWriter text = new StringWriter();
    Reports.text(results, new PrintWriter(text));
    assertThat(text.toString())
        .startsWith("PASS ")
        .contains("FAIL ", "  expected silence, but rule 'Shell spawned'")
        .endsWith("1 passed, 1 failed" + System.lineSeparator());

    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    Reports.junitXml(results, xml);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(xml.toByteArray()));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("2");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    var cases = doc.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    Element failed = (Element) cases.item(1);
    assertThat(failed.getAttribute("name")).isEqualTo("fails <&>");
    Element failure = (Element) failed.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .startsWith("expected silence, but rule 'Shell spawned'");
  }

  @Test
  void malformedCaseFilesNameTheProblem() throws Exception {
    Path file = dir.resolve("bad.yaml");
    for (String[] bad :
        new String[][] {
          {"cases: []", ": cases: expected a non-empty list of cases"},
          {
            "cases: [{events: [{type: execve}], expect: []}]",
            ": cases[0].name: every case needs a name"
          },
          {
            "cases: [{name: a, expect: []}]",
            ": cases[0]: a case needs events (events or events_from)"
          },
          {
            "cases: [{name: a, events: [{type: execve}]}]",
            ": cases[0].expect: say what must happen: a list of alerts, or [] for silence"
          },
          {
            "cases: [{name: a, events: [{type: execve}], expect: [{priority: Warning}]}]",
            ": cases[0].expect[0].rule: name the rule that must fire"
          },
          {
            "cases: [{name: a, events: [{type: execve}], expect: [{rule: r, priority: Loud}]}]",
            ": cases[0].expect[0].priority: unknown priority 'Loud' (Emergency, Alert, Critical, Error, Warning, Notice, Informational, Debug)"
          },
          {
            "cases: [{name: a, events: [{type: openat}], expect: []}]",
            ": cases[0].events[0].path: an open needs a path"
          },
          {
            "cases: [{name: a, evnts: [], expect: []}]",
            ": cases[0].evnts: unknown key (expected one of events, events_from, expect, focus, name)"
          },
          {"cases: [{name: a", ": not valid YAML: "},
        }) {
      Files.writeString(file, bad[0]);
      assertThatThrownBy(() -> CaseFileReader.read(file))
          .as(bad[0])
          .hasMessageStartingWith(file + bad[1]);
    }
  }

  @Test
  void recordedEventsLoadFromJsonLines() throws Exception {
    Files.writeString(
        dir.resolve("incident.jsonl"),
        """
        {"type":"execve","time":"2026-03-01T10:00:00Z","process":{"pid":10,"name":"bash","exepath":"/bin/bash"}}

        {"type":"openat","time":"2026-03-01T10:00:01Z","path":"/etc/shadow","process":{"pid":10,"name":"bash"}}
        """);
    CaseResult r =
        run("""
                cases:
                  - name: replayed incident
                    events_from: incident.jsonl
                    expect: [{rule: Shell spawned, count: 1}, {rule: Shadow read, count: 1}]
                """)
            .getFirst();
    assertThat(r.failures()).isEmpty();

    Files.writeString(
        dir.resolve("broken.jsonl"), "{\"type\":\"execve\"}\n{\"type\":\"openat\"}\n");
    Path cases =
        Files.writeString(
            dir.resolve("broken-cases.yaml"),
            "cases: [{name: replayed, events_from: broken.jsonl, expect: []}]");
    assertThatThrownBy(() -> CaseFileReader.read(cases))
        .isInstanceOf(CaseFormatException.class)
        .hasMessage(dir.resolve("broken.jsonl") + ":2.path: an open needs a path");
  }
}
