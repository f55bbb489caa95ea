package dev.tapio.sensors.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.decode.SyscallTable;
import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog against the objects the build produced (opened, not loaded: no root needed). */
class SensorCatalogTest {
  /**
   * The one fexit program every open passes reports only the open syscalls whose hooks were asked
   * for and run there: with creat alone asked for, another process's openat is no record.
   */
  @Test
  void theOpenFunctionReportsOnlyTheOpensAskedForOnIt() {
    int creat = 1 << OpenSyscall.CREAT.value();
    int openat = 1 << OpenSyscall.OPENAT.value();
    Set<String> fexit = Set.of(SensorCatalog.OPEN_FEXIT);
    assertThat(SensorCatalog.openSyscallsAtFunction(fexit, Set.of("creat"))).isEqualTo(creat);
    assertThat(SensorCatalog.openSyscallsAtFunction(fexit, Set.of("creat", "openat", "unlink")))
        .isEqualTo(creat | openat);
    assertThat(
            SensorCatalog.openSyscallsAtFunction(
                Set.of(SensorCatalog.OPEN_FEXIT, "tapio_enter_creat", "tapio_exit_creat"),
                Set.of("creat", "openat")))
        .as("creat on its tracepoints is theirs")
        .isEqualTo(openat);
    assertThat(SensorCatalog.openSyscallsAtFunction(Set.of("tapio_exit_creat"), Set.of("creat")))
        .isZero();
  }

  @Test
  void everyProgramAndMapOfTheCatalogIsInItsObject() throws Exception {
    for (SensorSpec spec : SensorCatalog.ALL) {
      assertObjectHasEveryProgramAndMap(spec, Arch.X86_64);
    }
  }

  @Test
  void everyProgramAndMapOfTheArm64CatalogIsInItsArm64Object() throws Exception {
    for (SensorSpec spec : SensorCatalog.on(SyscallTable.of(Arch.ARM64)::has)) {
      assertObjectHasEveryProgramAndMap(spec, Arch.ARM64);
      assertObjectHasEveryProgramAndMap(spec.floor(), Arch.ARM64);
    }
  }

  /**
   * A kernel function the catalog looks up in the BTF is the one its programs attach to: each
   * object has a section {@code fentry/FUNCTION} or {@code fexit/FUNCTION} for it, on arm64 with
   * the syscall functions' prefix there.
   */
  @Test
  void everyKernelFunctionOfTheCatalogIsWhereItsObjectAttaches() throws Exception {
    int functions = 0;
    for (SensorSpec spec : SensorCatalog.ALL) {
      for (ProgramSpec p : spec.programs()) {
        for (Attachment a : p.ladder()) {
          String function = a.function();
          if (function == null) {
            continue;
          }
          functions++;
          for (Arch arch : Arch.values()) {
            String there =
                function.replace(Arch.X86_64.syscallFunction(""), arch.syscallFunction(""));
            assertThat(sections(spec, arch))
                .as(arch + " " + spec.object() + ": " + p.hook())
                .containsAnyOf(
                    "fentry/" + there + "\0",
                    "fexit/" + there + "\0",
                    "lsm/" + there.replaceFirst("^bpf_lsm_", "") + "\0");
          }
        }
      }
    }
    assertThat(functions).isGreaterThanOrEqualTo(12);
  }

  /** The object's bytes as text: its section names among them, each ended by a NUL. */
  private static String sections(SensorSpec spec, Arch arch) {
    return new String(
        LibbpfBackend.objectBytes(spec.resource(arch)),
        java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  @Test
  void arm64LeavesOutTheHooksOfSyscallsItHasOnlyInTheirAtForms() {
    assertThat(SensorCatalog.absent(SyscallTable.of(Arch.ARM64)::has))
        .containsExactly(
            entry("process", List.of("fork_args", "vfork_args")),
            entry(
                "file",
                List.of(
                    "open", "creat", "rename", "unlink", "rmdir", "mkdir", "chmod", "symlink",
                    "link")),
            entry("lsm", List.of("deny_open", "deny_creat")),
            entry("net", List.of("dup2")));
    List<SensorSpec> arm64 = SensorCatalog.on(SyscallTable.of(Arch.ARM64)::has);
    SensorSpec file = arm64.get(SensorCatalog.ALL.indexOf(SensorCatalog.FILE));
    assertThat(file.programs()).extracting(ProgramSpec::hook).contains("openat");
    assertThat(file.programs()).extracting(ProgramSpec::hook).doesNotContain("open");
    assertThat(file.maps()).isEqualTo(SensorCatalog.FILE.maps());
  }

  @Test
  void x86LeavesOutNothingAndUmountIsCountedAsUmount2() {
    assertThat(SensorCatalog.absent(SyscallTable.of(Arch.X86_64)::has)).isEmpty();
    assertThat(SensorCatalog.on(SyscallTable.of(Arch.X86_64)::has)).isEqualTo(SensorCatalog.ALL);
    assertThat(SensorCatalog.PRIVILEGE.programs())
        .filteredOn(p -> p.hook().equals("umount"))
        .extracting(ProgramSpec::syscall)
        .containsExactly("umount2");
  }

  @Test
  void theArm64PlanNamesEachObjectsLadderAndWhatIsAbsent() {
    String plan = CatalogPlan.of(Arch.ARM64, SyscallTable.of(Arch.ARM64)::has);
    assertThat(plan.lines())
        .contains(
            "object process.bpf.o",
            "hook exec tapio_exec_lsm tapio_exec_fentry tapio_exec_btf tapio_exec_raw tapio_exec_tp",
            "hook setns tapio_enter_setns_fentry tapio_exit_setns_fexit tapio_enter_setns"
                + " tapio_exit_setns",
            "syscall setns",
            "absent fork_args fork",
            "hook scmp_errno tapio_scmp_errno_fexit@1 tapio_scmp_errno_fexit_void@0"
                + " tapio_scmp_errno_btf tapio_scmp_errno_raw tapio_scmp_errno_tp",
            "object floor-file.bpf.o",
            "hook openat tapio_fexit_open tapio_enter_openat tapio_exit_openat",
            "absent open open")
        .doesNotContain("hook open tapio_fexit_open tapio_enter_open tapio_exit_open");
    assertThat(plan.lines().filter(l -> l.startsWith("object ")))
        .hasSize(2 * SensorCatalog.ALL.size());
  }

  @Test
  void everyFloorObjectHasEveryProgramAndMapOfItsSensor() throws Exception {
    for (SensorSpec sensor : SensorCatalog.ALL) {
      SensorSpec floor = sensor.floor();
      assertThat(floor.resource(Arch.X86_64)).isEqualTo("/dev/tapio/bpf/floor-" + sensor.object());
      assertThat(floor.programs()).isEqualTo(sensor.programs());
      assertObjectHasEveryProgramAndMap(floor, Arch.X86_64);
    }
  }

  @Test
  void sensorsOfRareEventsGetAnEighthOfTheRingBufferAndTheirFloorsToo() {
    int configured = 8 << 20;
    for (SensorSpec spec : SensorCatalog.ALL) {
      boolean quiet = Set.of("privilege", "seccomp", "lsm").contains(spec.name());
      int expected = quiet ? 1 << 20 : 8 << 20;
      assertThat(spec.ringBytes(configured)).as(spec.name()).isEqualTo(expected);
      assertThat(spec.floor().ringBytes(configured)).as(spec.name()).isEqualTo(expected);
    }
  }

  @Test
  void aRingBufferIsNeverSmallerThanAPage() {
    assertThat(SensorCatalog.PRIVILEGE.ringBytes(4096)).isEqualTo(4096);
    assertThat(SensorCatalog.PRIVILEGE.ringBytes(16384)).isEqualTo(4096);
    assertThat(SensorCatalog.PRIVILEGE.ringBytes(65536)).isEqualTo(8192);
  }

  private static void assertObjectHasEveryProgramAndMap(SensorSpec spec, Arch arch)
      throws Exception {
    assumeTrue(Libbpf1.available(), "SKIPPED LOUDLY: libbpf.so.1 missing: apt-get install libbpf1");
    try (BpfObject obj =
        BpfObject.open(spec.name(), LibbpfBackend.objectBytes(spec.resource(arch)))) {
      for (ProgramSpec p : spec.programs()) {
        for (Attachment a : p.ladder()) {
          for (String program : a.programs()) {
            assertThat(obj.hasProgram(program)).as(spec.name() + ": " + program).isTrue();
          }
        }
      }
      for (MapSpec m : spec.maps()) {
        assertThat(obj.hasMap(m.name())).as(spec.name() + ": " + m.name()).isTrue();
      }
      for (TailCall t : spec.tailCalls()) {
        assertThat(obj.hasMap(t.map())).as(spec.name() + ": " + t.map()).isTrue();
        assertThat(obj.hasProgram(t.program())).as(spec.name() + ": " + t.program()).isTrue();
      }
    }
  }

  @Test
  void theFileSensorsExitsTailCallOneWalkerPerProgramTypeAndItsFloorNone() {
    assertThat(SensorCatalog.FILE.tailCalls())
        .extracting(TailCall::map, TailCall::slot, TailCall::program)
        .containsExactly(
            tuple("tapio_walkers", 0, "tapio_walker"),
            tuple("tapio_fn_walkers", 0, "tapio_fn_walker"));
    TailCall tracepoints = SensorCatalog.FILE.tailCalls().getFirst();
    TailCall functions = SensorCatalog.FILE.tailCalls().getLast();
    assertThat(tracepoints.callers())
        .contains("tapio_exit_openat", "tapio_exit_rename", "tapio_exit_fchmod")
        .hasSize(4 + dev.tapio.sensors.internal.abi.Abi.ChangeSyscall.values().length)
        .noneMatch(p -> p.startsWith("tapio_enter_") || p.endsWith("_fexit"));
    assertThat(functions.callers())
        .hasSize(dev.tapio.sensors.internal.abi.Abi.ChangeSyscall.values().length)
        .allMatch(p -> p.startsWith("tapio_exit_") && p.endsWith("_fexit"));
    assertThat(tracepoints.neededBy(Set.of("tapio_fexit_open", "tapio_exit_rename_fexit")))
        .isFalse();
    assertThat(functions.neededBy(Set.of("tapio_fexit_open", "tapio_exit_rename_fexit"))).isTrue();
    assertThat(functions.neededBy(Set.of("tapio_exit_openat", "tapio_exit_rename"))).isFalse();
    assertThat(SensorCatalog.FILE.floor().tailCalls()).isEmpty();
    assertThat(SensorCatalog.on(s -> true))
        .filteredOn(s -> s.name().equals("file"))
        .singleElement()
        .extracting(SensorSpec::tailCalls)
        .isEqualTo(SensorCatalog.FILE.tailCalls());
    SensorCatalog.ALL.stream()
        .filter(s -> s != SensorCatalog.FILE)
        .forEach(s -> assertThat(s.tailCalls()).as(s.name()).isEmpty());
  }

  @Test
  void hookNamesAreUniqueAcrossSensors() {
    Set<String> seen = new HashSet<>();
    for (SensorSpec spec : SensorCatalog.ALL) {
      for (ProgramSpec p : spec.programs()) {
        assertThat(seen.add(p.hook())).as(p.hook()).isTrue();
      }
    }
  }
}
