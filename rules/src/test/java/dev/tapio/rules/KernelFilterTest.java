package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.filter.KernelFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the kernel filter of a rule set says, word for word, for the conditions it reduces. */
class KernelFilterTest {

  private static final String MACROS =
      """
      - macro: open_read
        condition: (evt.type in (open,openat,openat2) and evt.is_open_read=true and fd.typechar='f' and fd.num>=0)
      - macro: open_write
        condition: (evt.type in (open,openat,openat2) and evt.is_open_write=true and fd.typechar='f' and fd.num>=0)
      """;

  private static KernelFilter filter(String rules) {
    LoadReport report =
        RuleLoader.create().loadSources(List.of(new RuleLoader.Source("r.yaml", MACROS + rules)));
    assertThat(report.exitStatus()).as(report.text(false)).isZero();
    return CompiledRuleSet.build(report.rules(), RuleMatching.ALL).kernelFilter();
  }

  private static String rule(String name, String condition) {
    return """
        - rule: %s
          desc: d
          condition: %s
          output: o
          priority: WARNING
        """
        .formatted(name, condition);
  }

  @Test
  void aReadOfOneFileKeepsThatFileReadModesAndSuccess() {
    KernelFilter f = filter(rule("shadow", "open_read and fd.name = /etc/shadow"));
    assertThat(f.describe())
        .isEqualTo(
            """
            creat: none
            open:
              - "= /etc/shadow [modes read,readwrite,3] [success]"
            openat:
              - "= /etc/shadow [modes read,readwrite,3] [success]"
            openat2:
              - "= /etc/shadow [modes read,readwrite,3] [success]"
            """);
    assertThat(f.admits("openat", "/etc/shadow", 0, 3)).isTrue();
    assertThat(f.admits("openat", "/etc/shadow", 1, 3)).isFalse();
    assertThat(f.admits("openat", "/etc/shadow", 0, -2)).isFalse();
    assertThat(f.admits("openat", "/etc/passwd", 0, 3)).isFalse();
    assertThat(f.admits("openat", "etc/passwd", 0, 3)).as("relative paths pass").isTrue();
    assertThat(f.admits("execve", "/etc/passwd", 0, 3)).as("unfiltered types pass").isTrue();
  }

  @Test
  void pathChecksBecomePrefixesSuffixesAndExactNames() {
    KernelFilter f =
        filter(
            rule(
                    "w",
                    "open_write and (fd.name startswith /etc/ or fd.directory in (/root/.ssh, /tmp)"
                        + " or fd.filename in (.bashrc, id_rsa) or fd.name pmatch (/usr//bin/, /opt/*/x)"
                        + " or fd.name glob '*.pem' or fd.name endswith .key)")
                + rule("c", "evt.type = creat and fd.name in (/a, /b) and not fd.name = /a"));
    assertThat(f.describe())
        .isEqualTo(
            """
            creat:
              - "= /a"
              - "= /b"
            open:
              - "startswith /etc/ [modes write,readwrite,3] [success]"
              - "startswith /root/.ssh/ [modes write,readwrite,3] [success]"
              - "startswith /tmp/ [modes write,readwrite,3] [success]"
              - "endswith /.bashrc [modes write,readwrite,3] [success]"
              - "endswith /id_rsa [modes write,readwrite,3] [success]"
              - "startswith /usr/bin [modes write,readwrite,3] [success]"
              - "startswith /opt/ [modes write,readwrite,3] [success]"
              - "endswith .pem [modes write,readwrite,3] [success]"
              - "endswith .key [modes write,readwrite,3] [success]"
            openat:
              - "startswith /etc/ [modes write,readwrite,3] [success]"
              - "startswith /root/.ssh/ [modes write,readwrite,3] [success]"
              - "startswith /tmp/ [modes write,readwrite,3] [success]"
              - "endswith /.bashrc [modes write,readwrite,3] [success]"
              - "endswith /id_rsa [modes write,readwrite,3] [success]"
              - "startswith /usr/bin [modes write,readwrite,3] [success]"
              - "startswith /opt/ [modes write,readwrite,3] [success]"
              - "endswith .pem [modes write,readwrite,3] [success]"
              - "endswith .key [modes write,readwrite,3] [success]"
            openat2:
              - "startswith /etc/ [modes write,readwrite,3] [success]"
              - "startswith /root/.ssh/ [modes write,readwrite,3] [success]"
              - "startswith /tmp/ [modes write,readwrite,3] [success]"
              - "endswith /.bashrc [modes write,readwrite,3] [success]"
              - "endswith /id_rsa [modes write,readwrite,3] [success]"
              - "startswith /usr/bin [modes write,readwrite,3] [success]"
              - "startswith /opt/ [modes write,readwrite,3] [success]"
              - "endswith .pem [modes write,readwrite,3] [success]"
              - "endswith .key [modes write,readwrite,3] [success]"
            """);
  }

  @Test
  void whatCannotBeReducedLetsEverythingThrough() {
    KernelFilter f =
        filter(
            rule("a", "open_read and fd.name = /etc/shadow")
                + rule("b", "evt.type = openat and not fd.name startswith /proc")
                + rule("c", "evt.type = open and fd.name contains shadow")
                + rule("d", "evt.type = openat2 and tolower(fd.name) = /etc/x"));
    assertThat(f.describe())
        .isEqualTo(
            """
            creat: none
            open: any
            openat: any
            openat2: any
            """);
  }

  @Test
  void contradictionsAdmitNothingAndDisabledRulesDoNotCount() {
    KernelFilter f =
        filter(
            rule("a", "open_read and fd.name = /etc/shadow and fd.name startswith /usr")
                + rule("b", "open_read and evt.is_open_read = false")
                + rule("c", "evt.type = openat")
                + "  enabled: false\n");
    assertThat(f.describe())
        .isEqualTo(
            """
            creat: none
            open: none
            openat: none
            openat2: none
            """);
  }
}
