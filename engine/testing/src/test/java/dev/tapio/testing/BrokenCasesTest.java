package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deliberately broken cases against the real bundled rules: each failure explains itself. */
class BrokenCasesTest {
  private static CompiledRulesHarness harness;

  @TempDir Path dir;

  @BeforeAll
  static void compile() {
    harness = CompiledRulesHarness.load(List.of());
  }

  @AfterAll
  static void close() {
    harness.close();
  }

  private List<String> failures(String yaml) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, yaml);
    CaseRunner runner = new CaseRunner(harness);
    return runner.run(CaseFileReader.read(file).cases().getFirst()).failures();
  }

  @Test
  void theWrongRuleIsExplainedByItsConditionAndTheValuesSeen() throws Exception {
    List<String> failures =
        failures(
            """
            cases:
              - name: wrong rule expected
                events: [{type: openat, path: /etc/hostname, process: {exe: /usr/bin/cat}}]
                expect: [{rule: Credential file read}]
            """);
    assertThat(failures).hasSize(1);
    assertThat(failures.getFirst())
        .startsWith(
            "expected rule 'Credential file read' to fire, but it did not:\n  event 0 (openat):\n")
        .contains("\n    fd.name = '/etc/hostname'", "\n    proc.name = 'cat'");
  }

  @Test
  void aMissingEventFieldShowsWhatTheRuleSaw() throws Exception {
    List<String> failures =
        failures(
            """
            cases:
              - name: no container given
                events: [{type: execve, process: {exe: /bin/bash, tty: 34816}}]
                expect: [{rule: Interactive shell in a container}]
            """);
    assertThat(failures).hasSize(1);
    assertThat(failures.getFirst())
        .startsWith(
            "expected rule 'Interactive shell in a container' to fire, but it did not:\n"
                + "  event 0 (execve):\n")
        .contains("\n    proc.tty = '34816'");
  }

  @Test
  void aWrongFieldNamesExpectedAndActualValues() throws Exception {
    assertThat(
            failures(
                """
                cases:
                  - name: wrong field value
                    events: [{type: openat, path: /etc/shadow, process: {exe: /usr/bin/vim}}]
                    expect: [{rule: Credential file read, fields: {proc.name: cat, fd.name: /etc/shadow}}]
                """))
        .containsExactly(
            """
            rule 'Credential file read' fired, but not with the expected fields:
              on event 0 (openat):
                proc.name: expected 'cat' but was 'vim'""");
  }
}
