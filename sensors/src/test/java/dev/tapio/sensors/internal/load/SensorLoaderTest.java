package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.Feature;
import dev.tapio.sensors.KernelFeatures;
import dev.tapio.sensors.Mechanism;
import dev.tapio.sensors.internal.ffm.Errno;
import dev.tapio.sensors.internal.spec.Arch;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feature ladder without a kernel: refused features and failing programs, simulated. */
class SensorLoaderTest {
  private static final Set<String> PROCESS_TYPES =
      Set.of("execve", "clone", "clone3", "fork", "vfork", "procexit");
  private static final Set<String> OPEN_TYPES = Set.of("open", "openat", "openat2", "creat");

  private final List<Duration> sleeps = new ArrayList<>();
  private final ScriptedBackend backend = new ScriptedBackend();
  private final SensorLoader loader =
      new SensorLoader(backend, new Retry(4, Duration.ofMillis(25), sleeps::add));

  /**
   * The process sensor's tracepoint ladder, on a kernel that refuses fentry and BPF LSM as the CI
   * host does (where they are allowed, exec and fork run on kernel functions: {@code
   * KernelFunctionLadderTest}).
   */
  private LoadResult process(KernelFeatures features) {
    return loader.load(SensorCatalog.PROCESS, noFentry(features), PROCESS_TYPES);
  }

  static KernelFeatures noFentry(KernelFeatures features) {
    return features
        .refuse(Feature.FENTRY, "load probe_fentry: EPERM")
        .refuse(Feature.LSM, "load probe_lsm: EPERM");
  }

  @Test
  void everythingSupportedPicksTheBestRungOfEachHook() {
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.status().toString()).isEqualTo("enabled (tp_btf+tracepoint)");
    assertThat(r.chosen())
        .containsEntry("exec", Mechanism.TP_BTF)
        .containsEntry("fork", Mechanism.TP_BTF)
        .containsEntry("exit", Mechanism.TP_BTF)
        .containsEntry("clone_args", Mechanism.TRACEPOINT);
    assertThat(backend.loads).hasSize(1);
    assertThat(backend.attached).hasSize(7);
  }

  @Test
  void refusedTpBtfFallsBackToRawTracepoints() {
    LoadResult r = process(KernelFeatures.all().refuse(Feature.TP_BTF, "load probe_tp_btf: EPERM"));
    assertThat(r.status().toString()).isEqualTo("enabled (raw_tp+tracepoint)");
    assertThat(r.chosen()).containsEntry("exec", Mechanism.RAW_TRACEPOINT);
    assertThat(backend.loads.getFirst())
        .contains("tapio_exec_raw")
        .doesNotContain("tapio_exec_btf");
  }

  @Test
  void refusedTpBtfAndRawTracepointsFallBackToClassicTracepoints() {
    LoadResult r =
        process(
            KernelFeatures.all()
                .refuse(Feature.TP_BTF, "load probe_tp_btf: EPERM")
                .refuse(Feature.RAW_TRACEPOINT, "attach probe_raw_tp: EINVAL"));
    assertThat(r.status().toString()).isEqualTo("enabled (tracepoint)");
    assertThat(r.chosen()).containsEntry("fork", Mechanism.TRACEPOINT);
  }

  @Test
  void missingTracefsLeavesForksWithoutCloneFlagsUnlessFentryIsAllowed() {
    LoadResult r = process(KernelFeatures.all().refuse(Feature.TRACEPOINT, "tracefs not mounted"));
    // kernel_clone's rung, then the syscall function's, then the tracepoint
    String noFentry = "fentry not supported by the kernel (load probe_fentry: EPERM), ";
    String refused =
        ": " + noFentry + noFentry + "tracepoint not supported by the kernel (tracefs not mounted)";
    assertThat(r.status().toString())
        .isEqualTo(
            "partial: running without "
                + ("clone_args" + refused + "; ")
                + ("clone3_args" + refused + "; ")
                + ("fork_args" + refused + "; ")
                + ("vfork_args" + refused));
    assertThat(r.status().mechanism()).isEqualTo("tp_btf");
    assertThat(r.loaded()).isNotNull();

    LoadResult fentry =
        loader.load(
            SensorCatalog.PROCESS,
            KernelFeatures.all().refuse(Feature.TRACEPOINT, "tracefs not mounted"),
            PROCESS_TYPES);
    assertThat(fentry.status().state()).isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED);
    assertThat(fentry.chosen())
        .containsEntry("clone_args", Mechanism.FENTRY)
        .containsEntry("vfork_args", Mechanism.FENTRY);
  }

  @Test
  void nothingWorkingMakesTheSensorUnavailableWithEveryReason() {
    LoadResult r =
        loader.load(
            SensorCatalog.FILE,
            KernelFeatures.all()
                .refuse(Feature.FENTRY, "load probe_fentry: EPERM")
                .refuse(Feature.TRACEPOINT, "tracefs not mounted"),
            Set.of("openat", "rename"));
    assertThat(r.status().toString())
        .isEqualTo(
            "unavailable: openat: fentry not supported by the kernel (load probe_fentry: EPERM),"
                + " tracepoint not supported by the kernel (tracefs not mounted);"
                + " rename: fentry not supported by the kernel (load probe_fentry: EPERM),"
                + " tracepoint not supported by the kernel (tracefs not mounted)");
    assertThat(r.loaded()).isNull();
    assertThat(backend.loads).isEmpty();
  }

  @Test
  void anAttachFailureMovesThatHookDownTheLadderOnly() {
    backend.refuseAttach("tapio_exec_btf", Errno.ENOENT);
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.chosen())
        .containsEntry("exec", Mechanism.RAW_TRACEPOINT)
        .containsEntry("fork", Mechanism.TP_BTF);
    assertThat(r.status().toString()).isEqualTo("enabled (tp_btf+raw_tp+tracepoint)");
    assertThat(backend.loads).hasSize(2);
    assertThat(backend.closedObjects).isEqualTo(1);
    assertThat(backend.detached).isNotEmpty();
  }

  @Test
  void aProgramTheVerifierRejectsIsFoundAndReplaced() {
    backend.refuseLoad("tapio_fork_btf", Errno.E2BIG);
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.chosen())
        .containsEntry("fork", Mechanism.RAW_TRACEPOINT)
        .containsEntry("exec", Mechanism.TP_BTF);
    assertThat(r.status().state()).isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED);
  }

  @Test
  void aHookWhoseEveryRungFailsIsReportedWithEachFailure() {
    backend
        .refuseAttach("tapio_exit_btf", Errno.ENOENT)
        .refuseAttach("tapio_exit_raw", Errno.EINVAL)
        .refuseAttach("tapio_exit_tp", Errno.EACCES);
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.status().toString())
        .isEqualTo(
            "partial: running without exit: tp_btf failed (attach tapio_exit_btf: ENOENT), raw_tp"
                + " failed (attach tapio_exit_raw: EINVAL), tracepoint failed (attach"
                + " tapio_exit_tp: EACCES)");
  }

  @Test
  void transientFailuresAreRetriedWithExponentialBackoff() {
    backend.failAttachTransiently("tapio_exec_btf", Errno.EAGAIN, Errno.EBUSY, Errno.EINTR);
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.chosen()).containsEntry("exec", Mechanism.TP_BTF);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void transientFailuresBeyondTheRetriesCountAsFailures() {
    backend.failAttachTransiently(
        "tapio_exec_btf", Errno.EAGAIN, Errno.EAGAIN, Errno.EAGAIN, Errno.EAGAIN);
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.chosen()).containsEntry("exec", Mechanism.RAW_TRACEPOINT);
    assertThat(sleeps).hasSize(3);
  }

  @Test
  void noRingBufferFallsBackToPerfBuffers() {
    LoadResult r = process(KernelFeatures.all().refuse(Feature.RING_BUFFER, "map type 27 refused"));
    assertThat(r.status().toString()).isEqualTo("enabled (tp_btf+tracepoint over perf buffer)");
    assertThat(backend.transports).containsOnly(Transport.PERF_BUFFER);
  }

  @Test
  void ringBuffersArePreferred() {
    process(KernelFeatures.all());
    assertThat(backend.transports).containsOnly(Transport.RING_BUFFER);
  }

  @Test
  void neitherBufferMeansUnavailable() {
    LoadResult r =
        process(
            KernelFeatures.all()
                .refuse(Feature.RING_BUFFER, "map type 27 refused")
                .refuse(Feature.PERF_BUFFER, "map type 4 refused"));
    assertThat(r.status().toString())
        .isEqualTo("unavailable: the kernel has neither BPF ring buffers nor perf buffers");
    assertThat(backend.loads).isEmpty();
  }

  @Test
  void noKernelBtfMeansUnavailable() {
    LoadResult r = process(KernelFeatures.all().refuse(Feature.BTF, "no"));
    assertThat(r.status().toString())
        .isEqualTo("unavailable: the kernel has no BTF (/sys/kernel/btf/vmlinux)");
  }

  @Test
  void processWideBlockersAreReportedAsThemselves() {
    KernelFeatures none = KernelFeatures.all();
    KernelFeatures noPrivileges = KernelFeatures.all();
    for (Feature f : Feature.values()) {
      none = none.refuse(f, "libbpf not found: install libbpf1");
      noPrivileges = noPrivileges.refuse(f, dev.tapio.sensors.FeatureProbe.NO_PRIVILEGES);
    }
    assertThat(process(none).status().toString())
        .isEqualTo("unavailable: libbpf not found: install libbpf1");
    assertThat(process(noPrivileges).status().toString())
        .isEqualTo(
            "unavailable: BPF needs root or CAP_BPF and CAP_PERFMON (CAP_SYS_ADMIN on kernels"
                + " before 5.8)");
  }

  @Test
  void featuresNoLadderUsesChangeNothing() {
    KernelFeatures narrowed =
        KernelFeatures.all()
            .refuse(Feature.FENTRY, "load probe_fentry: EPERM")
            .refuse(Feature.LSM, "load probe_lsm: EPERM")
            .refuse(Feature.KPROBE, "attach probe_kprobe: ENOENT")
            .refuse(Feature.CGROUP_SKB, "attach probe_cgroup_skb: EPERM");
    assertThat(process(narrowed).status().toString()).isEqualTo("enabled (tp_btf+tracepoint)");
    assertThat(loader.load(SensorCatalog.FILE, narrowed, OPEN_TYPES).status().toString())
        .isEqualTo("enabled (tracepoint)");
  }

  @Test
  void onlyHooksOfRequestedTypesAreLoaded() {
    LoadResult r = process(KernelFeatures.all());
    assertThat(r.status().state()).isNotNull();
    backend.loads.clear();
    LoadResult exec =
        loader.load(SensorCatalog.PROCESS, noFentry(KernelFeatures.all()), Set.of("execve"));
    assertThat(exec.status().toString()).isEqualTo("enabled (tp_btf)");
    assertThat(backend.loads).containsExactly(Set.of("tapio_exec_btf"));
  }

  @Test
  void aSensorNobodyAskedForDoesNotLoad() {
    LoadResult r = loader.load(SensorCatalog.FILE, KernelFeatures.all(), PROCESS_TYPES);
    assertThat(r.status().toString())
        .isEqualTo("unavailable: none of its event types was requested");
    assertThat(backend.loads).isEmpty();
  }

  @Test
  void aRecordLayoutMismatchFailsLoudlyWithoutFallback() {
    backend.abiMismatch =
        new Backend.AbiMismatchException(
            "tapio_open_event.result is at offset 72 size 8, the"
                + " decoder expects offset 64 size 8");
    LoadResult r = loader.load(SensorCatalog.FILE, KernelFeatures.all(), OPEN_TYPES);
    assertThat(r.status().toString())
        .isEqualTo(
            "unavailable: record layout differs from the decoder: tapio_open_event.result is at"
                + " offset 72 size 8, the decoder expects offset 64 size 8");
    assertThat(backend.loads).hasSize(1);
  }

  @Test
  void aKernelFunctionMissingFromTheBtfFallsBackToTheTracepointsAndSaysSo() {
    backend.withoutFunction("do_sys_openat2");
    LoadResult r = loader.load(SensorCatalog.FILE, KernelFeatures.all(), OPEN_TYPES);
    assertThat(r.status().toString()).isEqualTo("enabled (tracepoint)");
    assertThat(r.chosen()).containsEntry("openat", Mechanism.TRACEPOINT);
    assertThat(backend.loads).hasSize(1);
    assertThat(backend.loads.getFirst())
        .contains("tapio_enter_openat", "tapio_exit_openat")
        .doesNotContain("tapio_fexit_open");
    assertThat(r.fallbacks())
        .containsEntry("openat", "fentry: no kernel function do_sys_openat2 (BTF)")
        .hasSize(4);
  }

  @Test
  void aFeatureTheProbeRefusedIsNoFallbackOfTheHook() {
    LoadResult r =
        loader.load(
            SensorCatalog.FILE,
            KernelFeatures.all().refuse(Feature.FENTRY, "load probe_fentry: EPERM"),
            OPEN_TYPES);
    assertThat(r.chosen()).containsEntry("openat", Mechanism.TRACEPOINT);
    assertThat(r.fallbacks()).isEmpty();
  }

  @Test
  void aRefusedFexitFallsBackPerHookWithTheVerifiersFirstAndLastLines() {
    backend.refuseLoad(
        "tapio_fexit_open",
        Errno.EINVAL,
        List.of(
            "libbpf: prog 'tapio_fexit_open': BPF program load failed: Invalid argument",
            "libbpf: prog 'tapio_fexit_open': -- BEGIN PROG LOAD LOG --",
            "0: R1=ctx(id=0,off=0,imm=0) R10=fp0",
            "; int BPF_PROG(tapio_fexit_open, int dfd)",
            "1: (85) call bpf_task_pt_regs#175",
            "unknown func bpf_task_pt_regs#175",
            "processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0",
            "-- END PROG LOAD LOG --",
            "libbpf: prog 'tapio_fexit_open': failed to load: -22"));
    backend.refuseAttach("tapio_enter_creat", Errno.ENOENT);
    LoadResult r = loader.load(SensorCatalog.FILE, KernelFeatures.all(), OPEN_TYPES);
    assertThat(r.chosen())
        .containsEntry("open", Mechanism.TRACEPOINT)
        .containsEntry("openat", Mechanism.TRACEPOINT)
        .doesNotContainKey("creat");
    String fexit =
        "fentry failed (load file: EINVAL; verifier: 0: R1=ctx(id=0,off=0,imm=0) R10=fp0 ..."
            + " unknown func bpf_task_pt_regs#175 | processed 2 insns (limit 1000000)"
            + " max_states_per_insn 0 total_states 0)";
    assertThat(r.status().toString())
        .isEqualTo(
            "partial: running without creat: "
                + fexit
                + ", tracepoint failed (attach tapio_enter_creat: ENOENT)");
    assertThat(r.fallbacks()).containsEntry("openat", fexit).doesNotContainKey("creat");
  }

  @Test
  void aHookOnASyscallTheKernelLacksIsOffAndMissesNothing() {
    // 5.10: no landlock_restrict_self, so no function or tracepoint to mark Landlock's domains by,
    // and no task can call it either
    backend.withoutFunction(Arch.current().syscallFunction("landlock_restrict_self"));
    backend.refuseAttach("tapio_landlock_mark", Errno.ENOENT);
    LoadResult r = loader.load(SensorCatalog.LSM, KernelFeatures.all(), Set.of("lsm_denial"));
    assertThat(r.status().state()).isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED);
    assertThat(r.fallbacks())
        .containsEntry(
            "landlock_mark", "no syscall landlock_restrict_self in this kernel: nothing to miss");
    assertThat(r.chosen()).containsKey("deny_openat").doesNotContainKey("landlock_mark");
    assertThat(r.loaded()).isNotNull();
  }

  @Test
  void aMissingTracepointOfASyscallTheKernelHasTurnsOnlyItsHookOffAndSaysSo() {
    // the function is there (its attach failed), so the syscall is: its tracepoint is missed
    backend.refuseAttach("tapio_landlock_mark_fexit", Errno.EINVAL);
    backend.refuseAttach("tapio_landlock_mark", Errno.ENOENT);
    LoadResult r = loader.load(SensorCatalog.LSM, KernelFeatures.all(), Set.of("lsm_denial"));
    assertThat(r.status().state()).isEqualTo(dev.tapio.api.spi.SourceStatus.State.PARTIAL);
    assertThat(r.status().toString())
        .startsWith("partial: running without landlock_mark: ")
        .endsWith("tracepoint failed (attach tapio_landlock_mark: ENOENT)");
    assertThat(r.chosen()).containsKey("deny_openat").doesNotContainKey("landlock_mark");
  }

  @Test
  void openDenialsComeFromTheLsmsCombinedVerdictWhereFentryIsAllowed() {
    LoadResult r = loader.load(SensorCatalog.LSM, KernelFeatures.all(), Set.of("lsm_denial"));
    assertThat(r.chosen())
        .containsEntry("deny_open", Mechanism.FENTRY)
        .containsEntry("deny_openat", Mechanism.FENTRY)
        .containsEntry("deny_creat", Mechanism.FENTRY)
        .containsEntry("deny_connect", Mechanism.FENTRY)
        .containsEntry("deny_bind", Mechanism.FENTRY);
    assertThat(r.status().toString()).isEqualTo("enabled (fentry)");
    assertThat(backend.attached)
        .containsOnlyOnce("tapio_deny_file_open")
        .contains("tapio_deny_socket_connect", "tapio_deny_bind_fexit")
        .doesNotContain("tapio_deny_openat", "tapio_deny_connect", "tapio_deny_bind");

    backend.attached.clear();
    LoadResult host =
        loader.load(
            SensorCatalog.LSM,
            KernelFeatures.all().refuse(Feature.FENTRY, "load probe_fentry: EPERM"),
            Set.of("lsm_denial"));
    assertThat(host.chosen()).containsEntry("deny_openat", Mechanism.TRACEPOINT);
    assertThat(backend.attached)
        .contains("tapio_deny_openat")
        .doesNotContain("tapio_deny_file_open");
  }
}
