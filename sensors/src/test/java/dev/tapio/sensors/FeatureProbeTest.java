package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureProbeTest {
  @Test
  void capabilitiesThatAllowBpf() {
    assertThat(FeatureProbe.hasCaps(0x000001ffffffffffL)).isTrue(); // root
    assertThat(FeatureProbe.hasCaps((1L << 39) | (1L << 38))).isTrue(); // CAP_BPF + CAP_PERFMON
    assertThat(FeatureProbe.hasCaps(1L << 21)).isTrue(); // CAP_SYS_ADMIN
    assertThat(FeatureProbe.hasCaps(1L << 39)).isFalse(); // CAP_BPF alone
    assertThat(FeatureProbe.hasCaps(0)).isFalse();
  }

  @Test
  void bpfLsmRunsOnlyWhenTheKernelListsIt() {
    assertThat(FeatureProbe.bpfLsmInactive("lockdown,capability,landlock,yama,apparmor,bpf"))
        .isEmpty();
    assertThat(FeatureProbe.bpfLsmInactive(null)).isEmpty(); // securityfs absent: cannot tell
    assertThat(FeatureProbe.bpfLsmInactive("lockdown,capability,yama,apparmor,tomoyo\n"))
        .contains(
            "attach probe_lsm: attached, but bpf is not in the kernel's LSM list"
                + " (lockdown,capability,yama,apparmor,tomoyo), so no LSM program runs:"
                + " boot with lsm=lockdown,capability,yama,apparmor,tomoyo,bpf");
    assertThat(FeatureProbe.bpfLsmInactive("bpfx,lockdown")).isPresent();
  }

  @Test
  void aBpfLsmLeftOutOfTheListIsToldFromOtherRefusals() {
    assertThat(FeatureProbe.bpfLsmInactive("lockdown,yama").orElseThrow())
        .matches(FeatureProbe::bpfLsmNotInList);
    assertThat(FeatureProbe.bpfLsmNotInList("load probe_lsm: EPERM")).isFalse();
    assertThat(FeatureProbe.bpfLsmNotInList("attach probe_lsm: EOPNOTSUPP")).isFalse();
  }
}
