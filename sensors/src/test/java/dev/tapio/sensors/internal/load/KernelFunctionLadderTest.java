package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.Feature;
import dev.tapio.sensors.KernelFeatures;
import dev.tapio.sensors.Mechanism;
import dev.tapio.sensors.internal.ffm.Errno;
import dev.tapio.sensors.internal.spec.Arch;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hooks on kernel functions, without a kernel: chosen where fentry is allowed, and where the
 * function is missing (symbol drift) or its program refused, the next rung, each fallback said.
 */
class KernelFunctionLadderTest {
  private static final Set<String> PROCESS_TYPES = Set.of("execve", "clone", "fork", "procexit");
  private static final Set<String> NAMESPACE_TYPES = Set.of("setns", "unshare");

  private final ScriptedBackend backend = new ScriptedBackend();
  private final SensorLoader loader =
      new SensorLoader(backend, new Retry(1, Duration.ZERO, d -> {}));

  /** A kernel that refuses BPF LSM programs outright, as the CI host does. */
  private static final KernelFeatures NO_LSM =
      KernelFeatures.all().refuse(Feature.LSM, "load probe_lsm: EPERM");

  /** Debian's 5.10: BPF LSM built in, but not in the LSM list it boots with. */
  private static final KernelFeatures LSM_NOT_LISTED =
      KernelFeatures.all()
          .refuse(
              Feature.LSM,
              "attach probe_lsm: attached, but bpf is not in the kernel's LSM list"
                  + " (lockdown,capability,yama), so no LSM program runs: boot with"
                  + " lsm=lockdown,capability,yama,bpf");

  @Test
  void execRunsOnBpfLsmAndForkAtTheFentryOfItsKernelFunction() {
    LoadResult r = loader.load(SensorCatalog.PROCESS, KernelFeatures.all(), PROCESS_TYPES);
    assertThat(r.chosen())
        .containsEntry("exec", Mechanism.LSM)
        .containsEntry("fork", Mechanism.FENTRY)
        .containsEntry("exit", Mechanism.TP_BTF);
    assertThat(r.status().toString()).isEqualTo("enabled (lsm+fentry+tp_btf)");
    assertThat(r.fallbacks()).isEmpty();
    assertThat(backend.attached)
        .contains("tapio_exec_lsm", "tapio_fork_fentry", "tapio_exit_btf")
        .doesNotContain("tapio_exec_fentry", "tapio_exec_btf", "tapio_fork_btf");
  }

  @Test
  void withoutBpfInTheLsmListExecFallsBackToFentryAndSaysSo() {
    LoadResult r = loader.load(SensorCatalog.PROCESS, LSM_NOT_LISTED, PROCESS_TYPES);
    assertThat(r.chosen()).containsEntry("exec", Mechanism.FENTRY);
    assertThat(r.fallbacks())
        .containsExactly(
            java.util.Map.entry(
                "exec", "lsm: bpf LSM not enabled (bpf is not in /sys/kernel/security/lsm)"));

    // refused outright (no BPF LSM at all), it is the kernel's feature, not this hook's fallback
    LoadResult host = loader.load(SensorCatalog.PROCESS, NO_LSM, PROCESS_TYPES);
    assertThat(host.chosen()).containsEntry("exec", Mechanism.FENTRY);
    assertThat(host.fallbacks()).isEmpty();
  }

  @Test
  void aMissingFunctionFallsBackToTheTracepointAndSaysSo() {
    backend.withoutFunction("finalize_exec");
    LoadResult r = loader.load(SensorCatalog.PROCESS, NO_LSM, PROCESS_TYPES);
    assertThat(r.chosen())
        .containsEntry("exec", Mechanism.TP_BTF)
        .containsEntry("fork", Mechanism.FENTRY);
    assertThat(r.status().state()).isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED);
    assertThat(r.fallbacks())
        .containsExactly(
            java.util.Map.entry("exec", "fentry: no kernel function finalize_exec (BTF)"));
  }

  @Test
  void theSeccompVerdictLoadsTheProgramOfTheFunctionsPrototype() {
    Set<String> seccomp = Set.of("seccomp");
    LoadResult sd = loader.load(SensorCatalog.SECCOMP, NO_LSM, seccomp);
    assertThat(sd.chosen()).containsEntry("scmp_errno", Mechanism.FENTRY);
    assertThat(sd.fallbacks()).isEmpty();
    assertThat(backend.attached)
        .contains("tapio_scmp_errno_fexit")
        .doesNotContain("tapio_scmp_errno_fexit_void");
    assertThat(backend.loads.getLast()).doesNotContain("tapio_scmp_errno_fexit_void");

    // 7.x: int __secure_computing(void), the return value first in the context
    backend.attached.clear();
    backend.withParameters("__secure_computing", 0);
    LoadResult none = loader.load(SensorCatalog.SECCOMP, NO_LSM, seccomp);
    assertThat(none.chosen()).containsEntry("scmp_errno", Mechanism.FENTRY);
    assertThat(none.fallbacks()).isEmpty();
    assertThat(backend.attached)
        .contains("tapio_scmp_errno_fexit_void")
        .doesNotContain("tapio_scmp_errno_fexit");
    assertThat(backend.loads.getLast()).doesNotContain("tapio_scmp_errno_fexit");
  }

  @Test
  void aPrototypeNoProgramWasWrittenForFallsBackAndSaysWhatWasFound() {
    backend.withParameters("__secure_computing", 2);
    LoadResult r = loader.load(SensorCatalog.SECCOMP, NO_LSM, Set.of("seccomp"));
    assertThat(r.chosen()).containsEntry("scmp_errno", Mechanism.TP_BTF);
    assertThat(r.fallbacks())
        .containsExactly(
            java.util.Map.entry(
                "scmp_errno",
                "fentry: __secure_computing has 2 parameters here, the hook expects 0 or 1"));
    assertThat(backend.loads).allSatisfy(l -> assertThat(l).noneMatch(p -> p.contains("fexit")));
  }

  @Test
  void aRefusedProgramFallsBackWithTheVerifiersWords() {
    backend.refuseLoad(
        "tapio_fork_fentry",
        Errno.EACCES,
        List.of(
            "libbpf: prog 'tapio_fork_fentry': -- BEGIN PROG LOAD LOG --",
            "0: R1=ctx() R10=fp0",
            "R3 unbounded memory access",
            "processed 9 insns (limit 1000000)",
            "-- END PROG LOAD LOG --"));
    LoadResult r = loader.load(SensorCatalog.PROCESS, NO_LSM, PROCESS_TYPES);
    assertThat(r.chosen())
        .containsEntry("fork", Mechanism.TP_BTF)
        .containsEntry("exec", Mechanism.FENTRY);
    assertThat(r.fallbacks())
        .containsEntry(
            "fork",
            "fentry failed (load process: EACCES; verifier: 0: R1=ctx() R10=fp0 | R3 unbounded"
                + " memory access | processed 9 insns (limit 1000000))");
  }

  @Test
  void namespaceSwitchesRunAtTheSyscallFunctionsEntryAndExit() {
    LoadResult r = loader.load(SensorCatalog.PRIVILEGE, KernelFeatures.all(), NAMESPACE_TYPES);
    assertThat(r.chosen())
        .containsOnly(
            java.util.Map.entry("setns", Mechanism.FENTRY),
            java.util.Map.entry("unshare", Mechanism.FENTRY));
    assertThat(backend.attached)
        .containsExactlyInAnyOrder(
            "tapio_enter_setns_fentry",
            "tapio_exit_setns_fexit",
            "tapio_enter_unshare_fentry",
            "tapio_exit_unshare_fexit");
  }

  @Test
  void namespaceSwitchesFallBackToTheirTracepointPairs() {
    backend.withoutFunction(Arch.current().syscallFunction("setns"));
    LoadResult host = loader.load(SensorCatalog.PRIVILEGE, KernelFeatures.all(), NAMESPACE_TYPES);
    assertThat(host.chosen())
        .containsEntry("setns", Mechanism.TRACEPOINT)
        .containsEntry("unshare", Mechanism.FENTRY);
    assertThat(host.fallbacks())
        .containsEntry(
            "setns",
            "fentry: no kernel function " + Arch.current().syscallFunction("setns") + " (BTF)");
    assertThat(backend.attached)
        .contains("tapio_enter_setns", "tapio_exit_setns")
        .doesNotContain("tapio_enter_setns_fentry", "tapio_exit_setns_fexit");

    backend.attached.clear();
    LoadResult noFentry =
        loader.load(
            SensorCatalog.PRIVILEGE,
            KernelFeatures.all().refuse(Feature.FENTRY, "load probe: EPERM"),
            NAMESPACE_TYPES);
    assertThat(noFentry.chosen()).containsEntry("unshare", Mechanism.TRACEPOINT);
    assertThat(noFentry.fallbacks()).isEmpty();
  }
}
