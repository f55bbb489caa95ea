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
  void theWrongRuleIsExplainedByTheFalseCheckAndItsValue() throws Exception {
    assertThat(
            failures(
                """
                cases:
                  - name: wrong rule expected
                    events: [{type: openat, path: /etc/hostname, process: {exe: /usr/bin/cat}}]
                    expect: [{rule: Credential file read}]
                """))
        .containsExactly(
            """
            expected rule 'Credential file read' to fire, but it did not:
              event 0 (openat):
                fd.name in (/etc/shadow, /etc/gshadow, /etc/shadow-, /etc/gshadow-, /etc/sudoers, \
            /etc/security/opasswd): false (fd.name = '/etc/hostname')""");
  }

  @Test
  void aMissingEventFieldNamesTheMacroCheckAndTheValueSeen() throws Exception {
    assertThat(
            failures(
                """
                cases:
                  - name: no container given
                    events: [{type: execve, process: {exe: /bin/bash, tty: 34816}}]
                    expect: [{rule: Interactive shell in a container}]
                """))
        .containsExactly(
            """
            expected rule 'Interactive shell in a container' to fire, but it did not:
              event 0 (execve):
                in macro 'tapio_in_container': container.id != host: false (container.id = 'host')\
            """);
  }

  @Test
  void aWrongFieldValueNamesTheCheckItFailed() throws Exception {
    assertThat(
            failures(
                """
                cases:
                  - name: the reader is sshd, whose job it is
                    events: [{type: openat, path: /etc/shadow, process: {exe: /usr/sbin/sshd}}]
                    expect: [{rule: Credential file read}]
                """))
        .containsExactly(
            """
            expected rule 'Credential file read' to fire, but it did not:
              event 0 (openat):
                not proc.name in (sshd, login, su, sudo, ... (15 more)): false (proc.name = 'sshd')\
            """);
  }

  @Test
  void aNegatedMacroShowsWhyTheMacroWasTrue() throws Exception {
    assertThat(
            failures(
                """
                cases:
                  - name: dpkg writes below /etc
                    events: [{type: openat, path: /etc/motd, flags: O_WRONLY, process: {exe: /usr/bin/dpkg}}]
                    expect: [{rule: Write below etc}]
                """))
        .containsExactly(
            """
            expected rule 'Write below etc' to fire, but it did not:
              event 0 (openat):
                not tapio_package_management: false, because tapio_package_management is true
                  in macro 'tapio_package_management': proc.name in (apk, apt, apt-get, aptitude, \
            ... (10 more)): true (proc.name = 'dpkg')            """);
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
