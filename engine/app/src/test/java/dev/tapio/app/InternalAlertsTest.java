package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.app.reload.RuleLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

class InternalAlertsTest {
  private final InternalAlerts internal = new InternalAlerts("node-1");

  @Test
  void aLoadOfTheRulesIsAnAuditRecordWithItsFilesAndHash() {
    Alert loaded =
        internal.rulesLoad(
            new RuleLoad("SIGHUP", "ab".repeat(32), List.of("/etc/tapio/a.yaml"), 12, 1, null));
    assertThat(loaded.rule()).isEqualTo("Tapio internal: rules loaded");
    assertThat(loaded.priority()).isEqualTo(Priority.INFORMATIONAL);
    assertThat(loaded.source()).isEqualTo("internal");
    assertThat(loaded.output())
        .isEqualTo(
            "Tapio internal: rules loaded (SIGHUP): 12 live rules, 1 shadow rules, files sha256 "
                + "ab".repeat(32));
    assertThat(loaded.outputFields())
        .containsEntry("tapio.rules.reason", "SIGHUP")
        .containsEntry("tapio.rules.result", "loaded")
        .containsEntry("tapio.rules.files", "/etc/tapio/a.yaml")
        .containsEntry("tapio.rules.sha256", "ab".repeat(32));
    assertThat(JsonLinesSink.format(loaded)).contains("\"tapio.rules.result\":\"loaded\"");
  }

  @Test
  void aFailedReloadSaysWhereAndThatThePreviousRulesStayLive() {
    String report =
        """
        the rule files are invalid:
        /r/rules.yaml: Invalid
        In rules content: (/r/rules.yaml:0:0)
            rule 'Broken': (/r/rules.yaml:1:3)
            rule condition: (/r/rules.yaml:3:53)
        LOAD_ERR_COMPILE_CONDITION (Error compiling condition): expected a ')' token
        """;
    Alert failed =
        internal.rulesLoad(
            new RuleLoad("file change", "cd".repeat(32), List.of("/r/rules.yaml"), 0, 0, report));
    assertThat(failed.rule()).isEqualTo("Tapio internal: rules reload failed");
    assertThat(failed.priority()).isEqualTo(Priority.ERROR);
    assertThat(failed.output())
        .isEqualTo(
            "Tapio internal: rules reload failed (file change); the previous rules stay live:"
                + " /r/rules.yaml:3:53: LOAD_ERR_COMPILE_CONDITION (Error compiling condition):"
                + " expected a ')' token");
    assertThat(failed.outputFields())
        .containsEntry("tapio.rules.result", "failed")
        .containsEntry("tapio.rules.error", report);
  }

  @Test
  void recordsTheKernelSkippedAreSaidApartFromFullRingBuffers() {
    Alert drops =
        internal.drops(
            7, 0, java.util.Map.of("open", 4L, dev.tapio.sensors.SensorStats.RECURSION, 3L));
    assertThat(drops.output())
        .isEqualTo(
            "Tapio internal: events dropped. 7 events lost since the last report: 7 in the kernel"
                + " (ring buffers full), 0 in the pipeline (queue full); of the kernel's, 3"
                + " skipped by the kernel (another BPF program ran on the same CPU)");
    assertThat(drops.outputFields())
        .containsEntry("tapio.drops.kernel.open", 4L)
        .containsEntry("tapio.drops.kernel.recursion", 3L);
    assertThat(internal.drops(4, 0, java.util.Map.of("open", 4L)).output())
        .doesNotContain("skipped");
  }
}
