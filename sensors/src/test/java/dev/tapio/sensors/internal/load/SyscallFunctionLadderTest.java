package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.Feature;
import dev.tapio.sensors.KernelFeatures;
import dev.tapio.sensors.Mechanism;
import dev.tapio.sensors.internal.spec.Arch;
import dev.tapio.sensors.internal.spec.ProgramSpec;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Syscall hooks at the kernel functions the syscalls enter through, without a kernel: chosen
 * wherever fentry is allowed, so that no syscall tracepoint is attached; where the function is
 * missing, the hook's tracepoints, the fallback said; where fentry is refused (the CI host), every
 * hook on its tracepoints.
 */
class SyscallFunctionLadderTest {
  private final ScriptedBackend backend = new ScriptedBackend();
  private final SensorLoader loader =
      new SensorLoader(backend, new Retry(1, Duration.ZERO, d -> {}));

  private static final KernelFeatures NO_FENTRY =
      KernelFeatures.all().refuse(Feature.FENTRY, "load probe_fentry: EPERM");

  private static Set<String> everyEventType(SensorSpec spec) {
    return spec.programs().stream()
        .flatMap(p -> p.eventTypes().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  private LoadResult loadAll(SensorSpec spec, KernelFeatures features) {
    return loader.load(spec, features, everyEventType(spec));
  }

  @Test
  void whereFentryIsAllowedNoSensorAttachesASyscallTracepoint() {
    for (SensorSpec spec :
        java.util.List.of(
            SensorCatalog.PROCESS,
            SensorCatalog.FILE,
            SensorCatalog.PRIVILEGE,
            SensorCatalog.LSM,
            SensorCatalog.NET)) {
      LoadResult r = loadAll(spec, KernelFeatures.all());
      for (ProgramSpec p : spec.programs()) {
        if (p.syscall() != null) {
          assertThat(r.chosen().get(p.hook())).as(p.hook()).isEqualTo(Mechanism.FENTRY);
        }
      }
      assertThat(r.chosen()).as(spec.name()).hasSameSizeAs(spec.programs());
      assertThat(r.fallbacks()).as(spec.name()).isEmpty();
    }
    assertThat(backend.attached)
        .contains(
            "tapio_enter_setuid_fentry",
            "tapio_exit_setuid_fexit",
            "tapio_clone_fentry",
            "tapio_enter_connect_fentry",
            "tapio_exit_connect_fexit",
            "tapio_exit_accept4_fexit",
            "tapio_deny_execve_fexit",
            "tapio_landlock_mark_fexit",
            "tapio_enter_renameat2_fentry",
            "tapio_exit_renameat2_fexit",
            "tapio_fexit_open")
        .doesNotContain(
            "tapio_enter_setuid",
            "tapio_exit_setuid",
            "tapio_enter_clone3",
            "tapio_enter_connect",
            "tapio_exit_accept4",
            "tapio_deny_execve",
            "tapio_landlock_mark",
            "tapio_exit_renameat2",
            "tapio_exit_openat");
  }

  @Test
  void aMissingSyscallFunctionFallsBackToItsTracepointsAndSaysSo() {
    String setuid = Arch.current().syscallFunction("setuid");
    backend.withoutFunction(setuid);
    LoadResult r = loadAll(SensorCatalog.PRIVILEGE, KernelFeatures.all());
    assertThat(r.chosen())
        .containsEntry("setuid", Mechanism.TRACEPOINT)
        .containsEntry("setgid", Mechanism.FENTRY)
        .containsEntry("umount", Mechanism.FENTRY);
    assertThat(r.fallbacks())
        .containsExactly(Map.entry("setuid", "fentry: no kernel function " + setuid + " (BTF)"));
    assertThat(backend.attached)
        .contains("tapio_enter_setuid", "tapio_exit_setuid", "tapio_enter_setgid_fentry")
        .doesNotContain("tapio_enter_setuid_fentry", "tapio_exit_setuid_fexit");
  }

  @Test
  void cloneFlagsComeFromTheOneFunctionAllFourCallElseTheSyscallsOwn() {
    Set<String> forks = Set.of("clone", "clone3", "fork", "vfork");
    LoadResult r = loader.load(SensorCatalog.PROCESS, KernelFeatures.all(), forks);
    assertThat(r.chosen())
        .containsEntry("clone_args", Mechanism.FENTRY)
        .containsEntry("vfork_args", Mechanism.FENTRY);
    assertThat(backend.attached)
        .containsOnlyOnce("tapio_clone_fentry")
        .doesNotContain("tapio_enter_fork_fentry", "tapio_enter_fork");

    // 6.1: __x64_sys_fork is an alias the BTF does not list; without kernel_clone too, the
    // tracepoint, and each step said
    backend.attached.clear();
    backend.withoutFunction("kernel_clone");
    backend.withoutFunction(Arch.current().syscallFunction("fork"));
    LoadResult old = loader.load(SensorCatalog.PROCESS, KernelFeatures.all(), forks);
    assertThat(old.chosen())
        .containsEntry("fork_args", Mechanism.TRACEPOINT)
        .containsEntry("clone_args", Mechanism.FENTRY);
    assertThat(old.fallbacks())
        .containsEntry(
            "fork_args",
            "fentry: no kernel function kernel_clone (BTF), fentry: no kernel function "
                + Arch.current().syscallFunction("fork")
                + " (BTF)")
        .containsEntry("clone_args", "fentry: no kernel function kernel_clone (BTF)");
    assertThat(backend.attached).contains("tapio_enter_clone_fentry", "tapio_enter_fork");
  }

  @Test
  void withoutFentryEveryHookRunsOnItsTracepointsAsOnTheCiHost() {
    LoadResult r = loadAll(SensorCatalog.NET, NO_FENTRY);
    assertThat(r.chosen())
        .containsEntry("connect", Mechanism.TRACEPOINT)
        .containsEntry("dup3", Mechanism.TRACEPOINT)
        .containsEntry("inet_sock_set_state", Mechanism.TP_BTF);
    assertThat(r.fallbacks()).isEmpty();
    assertThat(backend.attached)
        .contains("tapio_enter_connect", "tapio_exit_connect", "tapio_exit_accept")
        .noneMatch(p -> p.endsWith("_fentry") || p.endsWith("_fexit"));
  }

  @Test
  void aDenialWithoutItsSecurityHookFallsBackToTheSyscallsFunctionThenItsTracepoint() {
    backend.withoutFunction("security_socket_connect");
    LoadResult r = loadAll(SensorCatalog.LSM, KernelFeatures.all());
    assertThat(r.chosen())
        .containsEntry("deny_connect", Mechanism.FENTRY)
        .containsEntry("deny_openat", Mechanism.FENTRY);
    assertThat(r.fallbacks())
        .containsExactly(
            Map.entry("deny_connect", "fentry: no kernel function security_socket_connect (BTF)"));
    assertThat(backend.attached)
        .contains("tapio_deny_connect_fexit", "tapio_deny_file_open")
        .doesNotContain("tapio_deny_socket_connect", "tapio_deny_connect", "tapio_deny_openat");

    backend.attached.clear();
    backend.withoutFunction(Arch.current().syscallFunction("connect"));
    LoadResult neither = loadAll(SensorCatalog.LSM, KernelFeatures.all());
    assertThat(neither.chosen()).containsEntry("deny_connect", Mechanism.TRACEPOINT);
    assertThat(neither.fallbacks().get("deny_connect"))
        .isEqualTo(
            "fentry: no kernel function security_socket_connect (BTF), fentry: no kernel function "
                + Arch.current().syscallFunction("connect")
                + " (BTF)");
    assertThat(backend.attached).contains("tapio_deny_connect");
  }

  @Test
  void everySyscallHookNamesItsSyscallsFunctionAndTracepointPrograms() {
    for (SensorSpec spec : SensorCatalog.ALL) {
      for (ProgramSpec p : spec.programs()) {
        if (p.syscall() == null || p.ladder().getFirst().programs().contains("tapio_fexit_open")) {
          continue;
        }
        assertThat(p.ladder()).as(p.hook()).hasSizeGreaterThanOrEqualTo(2);
        var fn = p.ladder().get(p.ladder().size() - 2);
        var tp = p.ladder().getLast();
        assertThat(fn.mechanism()).as(p.hook()).isEqualTo(Mechanism.FENTRY);
        assertThat(fn.function()).as(p.hook()).startsWith(Arch.current().syscallFunction(""));
        assertThat(tp.mechanism()).as(p.hook()).isEqualTo(Mechanism.TRACEPOINT);
        assertThat(fn.programs())
            .as(p.hook())
            .isEqualTo(
                tp.programs().stream()
                    .map(t -> t + (t.startsWith("tapio_enter_") ? "_fentry" : "_fexit"))
                    .toList());
      }
    }
  }
}
