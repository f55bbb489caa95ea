package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each operator's Falco semantics, on hand-made events. */
class ConditionSemanticsTest {

  static final String LISTS =
      """
      - list: shell_binaries
        items: [bash, sh, "my shell"]
      - list: more_shells
        items: [shell_binaries, zsh]
      - list: ports
        items: [22, 443]
      - list: quoted
        items: ['"75-system-updat"']
      """;

  static boolean matches(String condition, EnrichedEvent e) {
    String yaml =
        LISTS
            + "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: '"
            + condition.replace("'", "''")
            + "'\n";
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("t.yaml", yaml)));
    assertThat(report.files().getFirst().errors()).as(report.text(false)).isEmpty();
    return report.rules().getFirst().code().predicate().test(e);
  }

  static final EnrichedEvent OPEN_ETC =
      Events.of(Events.open("/etc/shadow", 0), "cat", "bash", "sshd", "systemd");
  static final EnrichedEvent EXEC =
      Events.of(Events.exec("/usr/bin/bash", "bash", "-c", "id"), "bash", "Sshd", "systemd");

  @Test
  void missingFieldMakesEveryComparisonFalseEvenNotEquals() {
    EnrichedEvent exec = EXEC; // no fd.name on an exec
    assertThat(matches("fd.name = /etc/shadow", exec)).isFalse();
    assertThat(matches("fd.name != /etc/shadow", exec)).isFalse();
    assertThat(matches("not fd.name = /etc/shadow", exec)).isTrue();
    assertThat(matches("fd.name exists", exec)).isFalse();
    assertThat(matches("fd.name exists", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name != /etc/passwd", OPEN_ETC)).isTrue();
  }

  @Test
  void globIsWholeStringAndStarCrossesSlash() {
    assertThat(matches("fd.name glob /etc/*", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name glob /*/shadow", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name glob *shad", OPEN_ETC)).isFalse();
    assertThat(matches("fd.name glob /etc/sha?ow", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name glob /etc/[rs]hadow", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name glob /etc/[!s]hadow", OPEN_ETC)).isFalse();
    assertThat(matches("fd.name glob /ETC/*", OPEN_ETC)).isFalse();
    assertThat(matches("fd.name iglob /ETC/*", OPEN_ETC)).isTrue();
  }

  @Test
  void pmatchMatchesWholePathComponents() {
    EnrichedEvent run = Events.of(Events.open("/var/run/docker.sock", 0), "x");
    EnrichedEvent running = Events.of(Events.open("/var/running", 0), "x");
    assertThat(matches("fd.name pmatch (/var/run)", run)).isTrue();
    assertThat(matches("fd.name pmatch (/var/run)", running)).isFalse();
    assertThat(matches("fd.name pmatch (/var/run/docker.sock/x)", run)).isFalse();
    assertThat(matches("fd.name pmatch (/tmp, //var//run/)", run)).isTrue();
    assertThat(matches("fd.name pmatch (/var/r*n)", run)).isTrue();
  }

  @Test
  void icontainsIsTheOnlyCaseInsensitiveOperator() {
    assertThat(matches("proc.pname icontains sSHD", EXEC)).isTrue();
    assertThat(matches("proc.pname contains ssh", EXEC)).isFalse();
    assertThat(matches("proc.pname = sshd", EXEC)).isFalse();
    assertThat(matches("proc.pname startswith Ss", EXEC)).isTrue();
    assertThat(matches("proc.pname endswith hd", EXEC)).isTrue();
  }

  @Test
  void inWithListsNumbersAndNestedLists() {
    assertThat(matches("proc.name in (shell_binaries)", EXEC)).isTrue();
    assertThat(matches("proc.name in (more_shells)", EXEC)).isTrue();
    assertThat(matches("proc.name in (zsh, fish)", EXEC)).isFalse();
    assertThat(matches("proc.name intersects (bash)", EXEC)).isTrue();
    assertThat(matches("proc.pid in (100, 101)", EXEC)).isTrue();
    assertThat(matches("proc.pid in (0x64)", EXEC)).isTrue();
    assertThat(matches("proc.pid > 99 and proc.pid <= 100", EXEC)).isTrue();
  }

  @Test
  void ipFieldsCompareAsNetworks() throws Exception {
    EnrichedEvent c = Events.of(Events.connect("192.168.1.20", 443), "curl");
    assertThat(matches("fd.sip = 192.168.1.20", c)).isTrue();
    assertThat(matches("fd.snet in (192.168.0.0/16)", c)).isTrue();
    assertThat(matches("fd.net = 10.0.0.0/8", c)).isTrue();
    assertThat(matches("fd.sport in (ports)", c)).isTrue();
    assertThat(matches("fd.rport = 443 and fd.lport = 40000", c)).isTrue();
    assertThat(matches("fd.name = 10.0.0.1:40000->192.168.1.20:443", c)).isTrue();
    assertThat(matches("fd.l4proto = tcp and fd.typechar = 4", c)).isTrue();
  }

  @Test
  void ipv6AddressesReadAsFalcoWritesThem() throws Exception {
    EnrichedEvent c = Events.of(Events.connect6("2001:db8:0:0:0:0:0:7", "::1", 4444), "nc");
    assertThat(matches("fd.name = \"2001:db8::7:40000->::1:4444\"", c)).isTrue();
    assertThat(matches("fd.name endswith \"->::1:4444\"", c)).isTrue();
    assertThat(matches("fd.sip = \"::1\" and fd.cip = \"2001:db8::7\"", c)).isTrue();
    assertThat(matches("fd.sip = val(fd.sip) and fd.cip != val(fd.sip)", c)).isTrue();
  }

  @Test
  void ancestorsByIndexAndAnyAncestor() {
    assertThat(matches("proc.aname[2] = sshd", OPEN_ETC)).isTrue();
    assertThat(matches("proc.aname[0] = cat", OPEN_ETC)).isTrue();
    assertThat(matches("proc.aname = systemd", OPEN_ETC)).isTrue();
    assertThat(matches("proc.aname = cat", OPEN_ETC)).isFalse();
    assertThat(matches("proc.aname[9] exists", OPEN_ETC)).isFalse();
  }

  @Test
  void regexIsAFullMatch() {
    assertThat(matches("proc.cmdline regex \"b.s[h]\"", EXEC)).isTrue();
    assertThat(matches("proc.cmdline regex bas", EXEC)).isFalse();
  }

  @Test
  void modifiersTransformersAndFieldValues() {
    assertThat(matches("fd.name startswith anyof (/proc/, /etc/)", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name startswith allof (/etc/, /e)", OPEN_ETC)).isTrue();
    assertThat(matches("fd.name contains oneof (sh, etc)", OPEN_ETC)).isFalse();
    assertThat(matches("toupper(proc.name) = CAT", OPEN_ETC)).isTrue();
    assertThat(matches("basename(fd.name) = shadow", OPEN_ETC)).isTrue();
    assertThat(matches("len(proc.name) = 3", OPEN_ETC)).isTrue();
    assertThat(matches("proc.name = val(proc.aname[0])", OPEN_ETC)).isTrue();
    assertThat(matches("proc.name = val(proc.pname)", OPEN_ETC)).isFalse();
  }

  @Test
  void bytesOperatorsTakeHex() {
    EnrichedEvent e =
        Events.of(Events.syscall("ptrace", Map.of("request", "PTRACE_ATTACH")), "gdb");
    assertThat(matches("evt.arg.request bcontains 415454", e)).isTrue(); // "ATT"
    assertThat(matches("evt.arg.request bstartswith 50545241", e)).isTrue(); // "PTRA"
    assertThat(matches("evt.arg.request = PTRACE_ATTACH and evt.type = ptrace", e)).isTrue();
  }

  @Test
  void listsAreSubstitutedAsTextWithQuotingCorners() {
    LoadReport r =
        RuleLoader.create()
            .loadSources(
                List.of(
                    new RuleLoader.Source(
                        "t.yaml",
                        LISTS
                            + "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                            + "  condition: proc.name in (shell_binaries, quoted) or proc.pid in (ports)\n")));
    assertThat(r.rules().getFirst().condition())
        .isEqualTo(
            "(proc.name in ( bash, sh, \"my shell\" , \"75-system-updat\" ) or proc.pid in ( 22, 443 ))");
  }

  @Test
  void openFlagsAndResults() {
    EnrichedEvent w = Events.of(Events.open("/etc/x", 01 | 0100 | 01000), "x");
    assertThat(matches("evt.arg.flags contains O_TRUNC and evt.is_open_write=true", w)).isTrue();
    assertThat(matches("evt.is_open_read=true", w)).isFalse();
    assertThat(matches("evt.res = SUCCESS and evt.rawres >= 0", w)).isTrue();
  }
}
