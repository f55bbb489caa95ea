package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.SyscallEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {
  private static final SamplingSettings ON =
      new SamplingSettings(true, 0.5, 0.1, 0.9, 8, Duration.ofMillis(100));
  private static final EventHeader H = new EventHeader(1, 2, 2, 0, Namespaces.UNKNOWN);

  @Test
  void theHighVolumeKindsAreSampledAndTheKindsRulesDependOnNever() {
    assertThat(SampledKind.of(PipelineTest.open(1, "/etc/passwd")))
        .isEqualTo(SampledKind.FILE_OPEN);
    assertThat(
            SampledKind.of(
                new FileChange(H, "unlinkat", FileChange.Operation.UNLINK, "/x", null, 0, 0)))
        .isEqualTo(SampledKind.FILE_CHANGE);
    assertThat(SampledKind.of(new NetworkEvent(H, "sendto", 2, 17, 3, null, null, 0)))
        .isEqualTo(SampledKind.DATAGRAM);
    assertThat(SampledKind.of(new NetworkEvent(H, "close", 2, 6, 3, null, null, 0)))
        .isEqualTo(SampledKind.SOCKET_CLOSE);
    assertThat(SampledKind.of(new NetworkEvent(H, "connect", 2, 6, 3, null, null, 0))).isNull();
    assertThat(SampledKind.of(new NetworkEvent(H, "accept4", 2, 6, 3, null, null, 0))).isNull();
    assertThat(SampledKind.of(new SyscallEvent(H, "ptrace", Map.of(), 0))).isNull();
    assertThat(SampledKind.of(new SyscallEvent(H, "init_module", Map.of(), 0))).isNull();
    assertThat(SampledKind.of(exec())).isNull();
  }

  @Test
  void behindRaisesTheLevelOneStepPerMeasurementOpensFirstUpToTheCap() {
    Sampler s = new Sampler(ON);
    assertThat(rates(s)).containsExactly(1, 1, 1, 1);
    s.adjust(0.6, 0.2);
    assertThat(rates(s)).containsExactly(2, 1, 1, 1);
    s.adjust(0.6, 0.2);
    assertThat(rates(s)).containsExactly(4, 2, 1, 1);
    s.adjust(0.2, 0.95); // the CPU budget alone: behind too
    assertThat(rates(s)).containsExactly(8, 4, 2, 1);
    for (int i = 0; i < 10; i++) {
      s.adjust(1.0, 1.0);
    }
    assertThat(rates(s)).containsExactly(8, 8, 8, 8); // maxKeepOneIn caps every kind
    assertThat(s.level()).isEqualTo(6);
  }

  @Test
  void betweenTheWatermarksTheRateHoldsAndItFallsBackToOneOnlyWhenCaughtUp() {
    Sampler s = new Sampler(ON);
    s.adjust(0.9, 0);
    s.adjust(0.9, 0);
    s.adjust(0.3, 0); // between low and high: hold
    s.adjust(0.05, 0.8); // queue short, but the CPU above 80% of the budget: hold
    assertThat(rates(s)).containsExactly(4, 2, 1, 1);
    s.adjust(0.05, 0.1);
    assertThat(rates(s)).containsExactly(2, 1, 1, 1);
    s.adjust(0.0, 0.0);
    s.adjust(0.0, 0.0);
    assertThat(rates(s)).containsExactly(1, 1, 1, 1);
    assertThat(s.level()).isZero();
  }

  @Test
  void keepsExactlyOneInNAndCountsTheRestPerKind() {
    Sampler s = new Sampler(ON);
    s.adjust(1, 0);
    s.adjust(1, 0); // opens 1 in 4, changes 1 in 2
    int keptOpens = 0;
    int keptChanges = 0;
    for (int i = 0; i < 400; i++) {
      keptOpens += s.keep(SampledKind.FILE_OPEN) ? 1 : 0;
      keptChanges += s.keep(SampledKind.FILE_CHANGE) ? 1 : 0;
      assertThat(s.keep(SampledKind.DATAGRAM)).isTrue();
    }
    assertThat(keptOpens).isEqualTo(100);
    assertThat(keptChanges).isEqualTo(200);
    assertThat(s.sampled())
        .containsExactly(
            Map.entry("file_open", 300L),
            Map.entry("file_change", 200L),
            Map.entry("datagram", 0L),
            Map.entry("socket_close", 0L));
  }

  @Test
  void offNeverSamples() {
    Sampler s = new Sampler(SamplingSettings.OFF);
    s.adjust(1, 1);
    assertThat(s.level()).isZero();
    assertThat(s.keep(SampledKind.FILE_OPEN)).isTrue();
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new SamplingSettings(true, 0.1, 0.5, 0.9, 8, Duration.ofSeconds(1)))
        .hasMessageContaining("watermarks");
    assertThatThrownBy(() -> new SamplingSettings(true, 0.5, 0.1, 0.9, 6, Duration.ofSeconds(1)))
        .hasMessageContaining("power of two");
    assertThatThrownBy(() -> new SamplingSettings(true, 0.5, 0.1, 0, 8, Duration.ofSeconds(1)))
        .hasMessageContaining("cpuBudget");
  }

  @Test
  void theDocumentationListsTheSampledKindsInTheirOrder() throws Exception {
    String doc =
        java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/configuration.md"));
    int from = 0;
    for (SampledKind kind : SampledKind.values()) {
      String item = (kind.ordinal() + 1) + ". `" + kind.label() + "`:";
      assertThat(doc.indexOf(item, from)).as(item).isGreaterThan(from);
      from = doc.indexOf(item, from);
    }
  }

  private static List<Integer> rates(Sampler s) {
    return List.copyOf(s.rates().values());
  }

  static ProcessExec exec() {
    return new ProcessExec(
        H,
        "execve",
        "/bin/sh",
        "/bin/sh",
        List.of("sh"),
        "/",
        "sh",
        1,
        1,
        1,
        0,
        Credentials.root(),
        false,
        false);
  }
}
