package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.app.RequiredCapabilities.Capability;
import org.junit.jupiter.api.Test;

class RequiredCapabilitiesTest {
  private static final String GRANT =
      "run as root, or grant CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN, CAP_SYS_PTRACE,"
          + " CAP_DAC_READ_SEARCH (the Helm chart adds exactly these; a systemd unit lists them in"
          + " AmbientCapabilities)";

  /** Root's full set on a 6.x kernel: bits 0 to 40. */
  private static final long ROOT = (1L << 41) - 1;

  private static long all() {
    long caps = 0;
    for (Capability c : RequiredCapabilities.ALL) {
      caps |= 1L << c.bit();
    }
    return caps;
  }

  @Test
  void rootAndExactlyTheRequiredSetPass() {
    assertThat(RequiredCapabilities.problems(ROOT)).isEmpty();
    assertThat(RequiredCapabilities.problems(all())).isEmpty();
  }

  @Test
  void aMissingCapabilityIsNamedWithWhatNeedsItAndHowToGrantIt() {
    long withoutPerfmon = all() & ~(1L << 38);
    assertThat(RequiredCapabilities.problems(withoutPerfmon))
        .containsExactly(
            "missing capability CAP_PERFMON: needed by every sensor, to attach tracepoint"
                + " programs and read kernel memory from them",
            GRANT);
  }

  @Test
  void everyMissingCapabilityIsNamedInTheChartsOrder() {
    assertThat(RequiredCapabilities.missing(0))
        .extracting(Capability::kernelName)
        .containsExactly(
            "CAP_BPF", "CAP_PERFMON", "CAP_NET_ADMIN", "CAP_SYS_PTRACE", "CAP_DAC_READ_SEARCH");
    assertThat(RequiredCapabilities.problems(0)).hasSize(6).last().isEqualTo(GRANT);
  }

  @Test
  void sysAdminStandsForBpfAndPerfmonOnOlderKernels() {
    long sysAdminInsteadOfBpf = (all() & ~(1L << 39) & ~(1L << 38)) | (1L << 21);
    assertThat(RequiredCapabilities.problems(sysAdminInsteadOfBpf)).isEmpty();
    long sysAdminWithoutPtrace = sysAdminInsteadOfBpf & ~(1L << 19);
    assertThat(RequiredCapabilities.missing(sysAdminWithoutPtrace))
        .extracting(Capability::name)
        .containsExactly("SYS_PTRACE");
  }

  @Test
  void readsTheEffectiveSetFromTheProcessStatus() {
    String status =
        """
        Name:\tjava
        CapInh:\t0000000000000000
        CapPrm:\t000000c0000a1004
        CapEff:\t000000c0000a1004
        CapBnd:\t000000c0000a1004
        """;
    long effective = RequiredCapabilities.effective(status);
    assertThat(effective).isEqualTo(0xc0000a1004L);
    assertThat(RequiredCapabilities.missing(effective)).extracting(Capability::name).isEmpty();
    assertThatThrownBy(() -> RequiredCapabilities.effective("Name:\tjava\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
