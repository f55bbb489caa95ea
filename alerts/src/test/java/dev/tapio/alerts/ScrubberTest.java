package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ScrubberTest {

  private static Alert alertWith(String cmdline, Map<String, @Nullable Object> fields) {
    EnrichedEvent base = TestAlerts.shellInPod();
    ProcessInfo p = base.process();
    List<String> args = List.of(cmdline.split(" "));
    ProcessInfo withArgs = p.withArgs(args);
    ProcessExec exec = (ProcessExec) base.event();
    List<String> argv = new java.util.ArrayList<>();
    argv.add(p.name());
    argv.addAll(args);
    EnrichedEvent event = base.withEvent(exec.withArgv(argv)).withLineage(Lineage.of(withArgs));
    return new Alert(
        "a-1",
        "Secret on command line",
        Priority.WARNING,
        "Command line holds a secret (cmdline=" + p.name() + " " + cmdline + ")",
        fields,
        Set.of("T1552"),
        "syscall",
        TestAlerts.TIME_NANOS,
        event);
  }

  @Test
  void scrubsOutputFieldsAndCommandLines() {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("proc.cmdline", "mysql -u root -pSup3rSecret");
    fields.put("proc.pid", 4242L);
    fields.put("fd.name", null);
    Alert alert = alertWith("-c mysql -u root -pSup3rSecret", fields);

    Alert scrubbed = Scrubber.defaults().scrub(alert);

    // An unquoted secret runs to the next blank: over-redacting beats leaking a password with ')'.
    assertThat(scrubbed.output())
        .isEqualTo("Command line holds a secret (cmdline=bash -c mysql -u root -p[REDACTED]");
    assertThat(scrubbed.outputFields().get("proc.cmdline")).isEqualTo("mysql -u root -p[REDACTED]");
    assertThat(scrubbed.outputFields().get("proc.pid")).isEqualTo(4242L);
    assertThat(scrubbed.outputFields()).containsEntry("fd.name", null);
    assertThat(scrubbed.event().process().cmdline()).doesNotContain("Sup3rSecret");
    assertThat(((ProcessExec) scrubbed.event().event()).argv())
        .noneMatch(a -> a.contains("Sup3rSecret"))
        .startsWith("bash");
  }

  @Test
  void anAlertWithoutSecretsIsReturnedAsIs() {
    Alert alert = TestAlerts.shellAlert("a-1");
    assertThat(Scrubber.defaults().scrub(alert)).isSameAs(alert);
    assertThat(Scrubber.none().scrub(alert)).isSameAs(alert);
  }

  @Test
  void allowAndDenyFieldLists() {
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("proc.env", "HOME=/root LANG=C");
    fields.put("proc.env.SPECIAL", "x-y-z");
    fields.put("custom.hash", "password=notreallyone");
    fields.put("proc.args", "--token=abc12345");
    Alert alert =
        new Alert(
            "a-2",
            "r",
            Priority.NOTICE,
            "env=HOME=/root LANG=C special=x-y-z hash=password=notreallyone",
            fields,
            Set.of(),
            "syscall",
            1,
            TestAlerts.shellInPod());
    Scrubber scrubber =
        Scrubber.builder()
            .denyField("proc.env")
            .denyField("proc.env.*")
            .allowField("custom.hash")
            .build();

    Alert scrubbed = scrubber.scrub(alert);

    assertThat(scrubbed.outputFields())
        .containsEntry("proc.env", Scrubber.REDACTED)
        .containsEntry("proc.env.SPECIAL", Scrubber.REDACTED)
        .containsEntry("custom.hash", "password=notreallyone")
        .containsEntry("proc.args", "--token=[REDACTED]");
    assertThat(scrubbed.output()).doesNotContain("HOME=/root", "x-y-z");
  }

  @Test
  void extraPatternsRedactTheirGroupOrWholeMatch() {
    Scrubber scrubber =
        Scrubber.builder()
            .builtInPatterns(false)
            .pattern("ticket", "ticket=(?<s>\\d+)")
            .pattern("employee", "EMP-\\d{6}")
            .build();
    assertThat(scrubber.patternNames()).containsExactly("ticket", "employee");
    assertThat(scrubber.scrub("ticket=12345 by EMP-004211 password=kept"))
        .isEqualTo("ticket=[REDACTED] by [REDACTED] password=kept");
  }

  @Test
  void aBadPatternIsRejectedWithItsName() {
    assertThatThrownBy(() -> Scrubber.builder().pattern("broken", "a(b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scrub pattern 'broken' is not a valid regular expression: Unclosed group");
  }

  @Test
  void scrubbingSinkScrubsBeforeTheNextSink() {
    InMemoryAlertSink memory = new InMemoryAlertSink();
    Map<String, @Nullable Object> fields = new LinkedHashMap<>();
    fields.put("proc.cmdline", "curl https://u:pw123456@host");
    try (ScrubbingSink sink = new ScrubbingSink(Scrubber.defaults(), memory)) {
      sink.send(alertWith("https://u:pw123456@host", fields));
    }
    assertThat(memory.alerts().getFirst().outputFields().get("proc.cmdline"))
        .isEqualTo("curl https://u:[REDACTED]@host");
  }
}
