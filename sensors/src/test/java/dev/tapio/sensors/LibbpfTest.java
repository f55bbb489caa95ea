package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.ffm.Libbpf1;
import org.junit.jupiter.api.Test;

class LibbpfTest {
  @Test
  void versionIsMajorDotMinorOrTheReasonItIsMissing() {
    if (Libbpf1.available()) {
      assertThat(Libbpf.version()).hasValueSatisfying(v -> assertThat(v).matches("1\\.\\d+"));
      assertThat(Libbpf.describe()).isEqualTo("libbpf " + Libbpf.version().orElseThrow());
    } else {
      assertThat(Libbpf.version()).isEmpty();
      assertThat(Libbpf.describe()).isEqualTo("libbpf not found: install libbpf1");
    }
  }

  @Test
  void featureResultsPrintWhatWasRefusedAndWhy() {
    assertThat(FeatureResult.supported(Feature.TP_BTF).toString()).isEqualTo("tp_btf: supported");
    assertThat(FeatureResult.refused(Feature.FENTRY, "load probe_fentry: EPERM").toString())
        .isEqualTo("fentry: refused (load probe_fentry: EPERM)");
    assertThat(KernelFeatures.all().refuse(Feature.KPROBE, "x").result(Feature.KPROBE).supported())
        .isFalse();
  }
}
