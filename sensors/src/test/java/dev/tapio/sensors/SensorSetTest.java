package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.ffm.Errno;
import dev.tapio.sensors.internal.load.Retry;
import dev.tapio.sensors.internal.load.ScriptedBackend;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Statuses and lifecycle of the whole set, on a scripted backend (no kernel). */
class SensorSetTest {
  private final ScriptedBackend backend = new ScriptedBackend();

  /** A kernel like the CI host's: fentry and BPF LSM refused, so files are seen at tracepoints. */
  private static final KernelFeatures NO_FENTRY =
      KernelFeatures.all()
          .refuse(Feature.FENTRY, "load probe_fentry: EPERM")
          .refuse(Feature.LSM, "load probe_lsm: EPERM");

  private SensorSet set(KernelFeatures features) {
    return new SensorSet(
        SensorConfig.builder().features(features).build(),
        SensorCatalog.ALL,
        backend,
        new Retry(1, Duration.ZERO, d -> {}),
        () -> {
          throw new AssertionError("features come from the config");
        },
        () -> 0L);
  }

  @Test
  void beforeStartEverySensorSaysSo() {
    try (SensorSet s = set(KernelFeatures.all())) {
      assertThat(s.statuses().values())
          .extracting(Object::toString)
          .containsOnly("unavailable: not started");
    }
  }

  @Test
  void statusesAreReportedPerSensorAndTogether() {
    try (SensorSet s = set(NO_FENTRY)) {
      s.start(Set.of("execve", "openat"), e -> {});
      assertThat(s.statuses())
          .containsEntry("process", SourceStatus.enabled("tp_btf"))
          .containsEntry("file", SourceStatus.enabled("tracepoint"));
      assertThat(s.status().toString()).isEqualTo("enabled (tp_btf+tracepoint)");
      assertThat(s.features()).isEqualTo(NO_FENTRY);
      assertThat(s.hookTiers().get("file")).containsEntry("openat", Mechanism.TRACEPOINT);
    }
  }

  @Test
  void whereFentryIsAllowedOpensAreSeenAtTheKernelFunctionByOneProgram() {
    try (SensorSet s = set(KernelFeatures.all())) {
      s.start(Set.of("execve", "open", "openat", "openat2", "creat", "rename"), e -> {});
      assertThat(s.statuses()).containsEntry("file", SourceStatus.enabled("fentry"));
      assertThat(s.hookTiers().get("file"))
          .containsEntry("open", Mechanism.FENTRY)
          .containsEntry("openat", Mechanism.FENTRY)
          .containsEntry("creat", Mechanism.FENTRY)
          .containsEntry("rename", Mechanism.FENTRY);
      assertThat(backend.attached)
          .containsOnlyOnce("tapio_fexit_open")
          .contains("tapio_enter_rename_fentry", "tapio_exit_rename_fexit")
          .doesNotContain("tapio_enter_openat", "tapio_exit_openat", "tapio_enter_rename");
      assertThat(Sensors.report(KernelFeatures.all(), s.statuses(), s.hookTiers()))
          .contains(
              "hooks:\n  process: lsm (exec)\n"
                  + "  file: fentry (open, openat, openat2, creat, rename)\n");
    }
  }

  @Test
  void hooksThatFellBackSayWhyUnderTheirSensor() {
    backend.withoutFunction("security_socket_connect");
    try (SensorSet s = set(KernelFeatures.all())) {
      s.start(Set.of("lsm_denial"), e -> {});
      assertThat(s.hookTiers().get("lsm")).containsEntry("deny_connect", Mechanism.FENTRY);
      assertThat(
              Sensors.report(KernelFeatures.all(), s.statuses(), s.hookTiers(), s.hookFallbacks()))
          .contains(
              "\n    deny_connect fell back: fentry: no kernel function security_socket_connect"
                  + " (BTF)\n");
    }
  }

  @Test
  void manyHooksOnOneMechanismAreCounted() {
    try (SensorSet s = set(KernelFeatures.all())) {
      s.start(Sensors.eventTypes(), e -> {});
      assertThat(Sensors.report(KernelFeatures.all(), s.statuses(), s.hookTiers()))
          .contains("  file: fentry (20 hooks)\n")
          .contains("  privilege: fentry (19 hooks)\n")
          .contains("  seccomp: fentry (scmp_errno), tp_btf (sigsys)\n")
          .contains("  lsm: fentry (12 hooks)\n")
          // skb:kfree_skb is no syscall's: it puts no syscall on the slow path
          .contains(
              "  net: fentry (10 hooks), tp_btf (inet_sock_set_state), tracepoint (kfree_skb)\n")
          .contains(Sensors.SLOW_PATH + "none, no syscall is on the slow path\n");
      assertThat(backend.attached)
          .contains(
              "tapio_module_init_fentry", "tapio_module_finit_fentry", "tapio_scmp_errno_fexit")
          .doesNotContain("tapio_module_btf", "tapio_scmp_errno_btf");
    }
  }

  @Test
  void theReportNamesTheHooksThatPutEverySyscallOnTheSlowPath() {
    try (SensorSet s = set(NO_FENTRY)) {
      s.start(Sensors.eventTypes(), e -> {});
      assertThat(Sensors.report(NO_FENTRY, s.statuses(), s.hookTiers()))
          // the sched, signal, socket and skb tracepoints are not syscall tracepoints
          .contains(
              Sensors.SLOW_PATH
                  + "process (execveat_mark, execveat_unmark, clone_args, clone3_args, fork_args,"
                  + " vfork_args), file (20 hooks), privilege (19 hooks), seccomp (scmp_errno),"
                  + " lsm (12 hooks), net (10 hooks)\n");
    }
  }

  @Test
  void theReportNamesTheHooksThat32BitSyscallsPass() {
    String compat =
        Sensors.COMPAT
            + "process (execveat_mark, execveat_unmark, clone_args, clone3_args, fork_args,"
            + " vfork_args), file (20 hooks), privilege (19 hooks), lsm (12 hooks), net (10"
            + " hooks)\n";
    try (SensorSet s = set(KernelFeatures.all())) {
      s.start(Sensors.eventTypes(), e -> {});
      // exec, fork, exit, seccomp and the socket and packet tracepoints see them; every
      // syscall's hook misses them, at its function, a shared one or its tracepoint alike
      assertThat(Sensors.report(KernelFeatures.all(), s.statuses(), s.hookTiers()))
          .contains(compat);
    }
    try (SensorSet s = set(NO_FENTRY)) {
      s.start(Sensors.eventTypes(), e -> {});
      assertThat(Sensors.report(NO_FENTRY, s.statuses(), s.hookTiers())).contains(compat);
    }
  }

  @Test
  void oneFailingSensorDoesNotStopTheOthers() {
    backend.refuseAttach("tapio_enter_openat", Errno.EACCES);
    try (SensorSet s = set(NO_FENTRY)) {
      s.start(Set.of("execve", "openat", "rename"), e -> {});
      assertThat(s.statuses().get("process")).isEqualTo(SourceStatus.enabled("tp_btf"));
      assertThat(s.statuses().get("file").toString())
          .isEqualTo(
              "partial: running without openat: fentry not supported by the kernel (load"
                  + " probe_fentry: EPERM), tracepoint failed (attach tapio_enter_openat: EACCES)");
      assertThat(s.status().toString())
          .isEqualTo(
              "partial: file partial: running without openat: fentry not supported by the kernel"
                  + " (load probe_fentry: EPERM), tracepoint failed (attach tapio_enter_openat:"
                  + " EACCES)");
    }
  }

  @Test
  void theEventTypesDeliveredAreTheRequestedOnesWhoseHooksAllAttached() {
    backend.refuseAttach("tapio_exit_openat", Errno.EACCES);
    try (SensorSet s = set(NO_FENTRY)) {
      assertThat(s.eventTypesDelivered()).isEmpty();
      s.start(Set.of("execve", "openat", "open", "nanosleep"), e -> {});
      assertThat(s.eventTypesDelivered()).containsExactly("execve", "open");
      s.close();
      assertThat(s.eventTypesDelivered()).isEmpty();
    }
  }

  @Test
  void sensorsNobodyAskedForDoNotCountAgainstTheWhole() {
    try (SensorSet s = set(NO_FENTRY)) {
      s.start(Set.of("execve"), e -> {});
      assertThat(s.statuses().get("file").toString())
          .isEqualTo("unavailable: none of its event types was requested");
      assertThat(s.status()).isEqualTo(SourceStatus.enabled("tp_btf"));
    }
  }

  @Test
  void aCrashingProbeMakesSensorsUnavailableInsteadOfThrowing() {
    try (SensorSet s =
        new SensorSet(
            SensorConfig.builder().build(),
            SensorCatalog.ALL,
            backend,
            new Retry(1, Duration.ZERO, d -> {}),
            () -> {
              throw new IllegalStateException("boom");
            },
            () -> 0L)) {
      s.start(Set.of("execve"), e -> {});
      assertThat(s.statuses().get("process").toString())
          .isEqualTo("unavailable: feature probe failed: java.lang.IllegalStateException: boom");
      assertThat(s.features().result(Feature.BTF).detail())
          .isEqualTo("feature probe failed: java.lang.IllegalStateException: boom");
    }
  }

  @Test
  void startsOnceAndClosesEverything() {
    SensorSet s = set(NO_FENTRY);
    s.start(Set.of("execve"), e -> {});
    assertThatThrownBy(() -> s.start(Set.of("execve"), e -> {}))
        .hasMessage("sensors already started");
    s.close();
    assertThat(backend.detached).containsExactly("tapio_exec_btf");
    assertThat(backend.closedObjects).isEqualTo(1);
    assertThat(s.statuses().get("process").toString()).isEqualTo("unavailable: closed");
    s.close();
    assertThat(backend.closedObjects).isEqualTo(1);
  }
}
