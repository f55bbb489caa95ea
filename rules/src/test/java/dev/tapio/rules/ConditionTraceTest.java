package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Explanations of a condition's value: the deciding path, with the field values seen. */
class ConditionTraceTest {

  static final String RULES =
      """
      - list: readers
        items: [sshd, login, su, sudo, passwd, chpasswd, unix_chkpwd]
      - list: managers
        items: [apt, dpkg]
      - macro: opened
        condition: evt.type in (open, openat) and evt.rawres >= 0
      - macro: in_container
        condition: container.id != host
      - macro: package_management
        condition: proc.name in (managers) or proc.pname in (managers)
      - rule: read
        desc: d
        output: o
        priority: INFO
        condition: >
          opened and fd.name in (/etc/shadow, /etc/gshadow) and not proc.name in (readers)
          and not package_management
      - rule: excepted
        desc: d
        output: o
        priority: INFO
        condition: opened and fd.name = /etc/shadow
        exceptions:
          - name: known_readers
            fields: [proc.name, proc.pname]
            values: [[cat, bash]]
      - rule: shell
        desc: d
        output: o
        priority: INFO
        condition: evt.type = execve and in_container and proc.tty != 0
      - rule: ancestors
        desc: d
        output: o
        priority: INFO
        condition: evt.type = execve and (proc.aname = sshd or fd.ip = 10.1.1.1)
      - rule: names
        desc: d
        output: o
        priority: INFO
        condition: evt.type = execve and not (proc.name = bash and proc.pname = "my sh")
      """;

  static final LoadReport REPORT =
      RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", RULES)));

  static List<String> explain(String rule, EnrichedEvent e) {
    assertThat(REPORT.successful()).as(REPORT.text(false)).isTrue();
    CompiledRule r =
        REPORT.rules().stream().filter(x -> x.name().equals(rule)).findFirst().orElseThrow();
    return r.explain(e);
  }

  @Test
  void aFalseCheckNamesItsFieldValue() {
    assertThat(explain("read", Events.of(Events.open("/etc/hostname", 0), "cat", "bash")))
        .containsExactly(
            "fd.name in (/etc/shadow, /etc/gshadow): false (fd.name = '/etc/hostname')");
  }

  @Test
  void aCheckFromAMacroNamesTheMacro() {
    assertThat(
            explain(
                "read",
                Events.of(
                    new dev.tapio.api.event.FileOpen(
                        Events.HEADER, "openat", "/etc/shadow", "/etc/shadow", 0, 0644, -2),
                    "cat")))
        .containsExactly("in macro 'opened': evt.rawres >= 0: false (evt.rawres = '-2')");
  }

  @Test
  void aNegatedCheckThatIsTrueIsShownWithNotAndLongListsAreShortened() {
    assertThat(explain("read", Events.of(Events.open("/etc/shadow", 0), "sshd")))
        .containsExactly(
            "not proc.name in (sshd, login, su, sudo, ... (3 more)): false (proc.name = 'sshd')");
  }

  @Test
  void aNegatedMacroExplainsWhyTheMacroIsTrue() {
    assertThat(explain("read", Events.of(Events.open("/etc/shadow", 0), "cat", "dpkg")))
        .containsExactly(
            "not package_management: false, because package_management is true",
            "  in macro 'package_management': proc.pname in (apt, dpkg): true (proc.pname ="
                + " 'dpkg')");
  }

  @Test
  void aMissingValueSaysItCannotBeExtracted() {
    EnrichedEvent exec = Events.of(Events.exec("/usr/bin/bash", "bash"), "bash");
    assertThat(explain("shell", exec))
        .containsExactly(
            "in macro 'in_container': container.id != host: false (container.id =" + " 'host')");
  }

  @Test
  void anOrListsEveryAlternativeWithAncestorsAndEitherEnd() {
    EnrichedEvent exec = Events.of(Events.exec("/usr/bin/bash", "bash"), "bash", "sudo", "init");
    assertThat(explain("ancestors", exec))
        .containsExactly(
            "every alternative is false:",
            "  proc.aname = sshd: false (proc.aname = ('sudo', 'init'))",
            "  fd.ip = 10.1.1.1: false (fd.cip = <NA>, cannot be extracted; fd.sip = <NA>, cannot"
                + " be extracted)");
  }

  @Test
  void aNegatedCompoundThatIsTrueListsEveryPart() {
    EnrichedEvent exec = Events.of(Events.exec("/usr/bin/bash", "bash"), "bash", "my sh");
    assertThat(explain("names", exec))
        .containsExactly(
            "not (proc.name = bash and proc.pname = \"my sh\"): false, because (proc.name = bash"
                + " and proc.pname = \"my sh\") is true",
            "  every part is true:",
            "    proc.name = bash: true (proc.name = 'bash')",
            "    proc.pname = \"my sh\": true (proc.pname = 'my sh')");
  }

  @Test
  void aTrueConditionIsExplainedToo() {
    EnrichedEvent exec = Events.of(Events.exec("/usr/bin/bash", "bash"), "bash", "sshd");
    assertThat(explain("ancestors", exec))
        .containsExactly(
            "every part is true:",
            "  evt.type = execve: true (evt.type = 'execve')",
            "  proc.aname = sshd: true (proc.aname = ('sshd'))");
  }

  @Test
  void anExceptionThatAppliesIsTheFalsePart() {
    assertThat(explain("excepted", Events.of(Events.open("/etc/shadow", 0), "cat", "bash")))
        .containsExactly(
            "not (proc.name = cat and proc.pname = bash): false, because (proc.name = cat and"
                + " proc.pname = bash) is true",
            "  every part is true:",
            "    proc.name = cat: true (proc.name = 'cat')",
            "    proc.pname = bash: true (proc.pname = 'bash')");
  }
}
