package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileChange.Operation;
import dev.tapio.sensors.internal.abi.Abi.ChangeSyscall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Renames, links, mode changes and removals by coreutils, with relative paths resolved. */
@Tag("privileged")
class FileChangePrivilegedTest {
  /** Every syscall the file sensor reports changes for: enum tapio_change_syscall. */
  private static final Set<String> TYPES =
      Stream.of(ChangeSyscall.values()).map(ChangeSyscall::label).collect(Collectors.toSet());

  private static SensorSet sensors;
  private static Privileged.Collector events;
  private static Path dir;

  @BeforeAll
  static void start() throws Exception {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(TYPES, events);
    dir = Files.createTempDirectory("tapio-change").toRealPath();
    Privileged.run(
        dir,
        "/bin/sh",
        "-c",
        "mkdir d && touch a && mv a b && ln -s b s && chmod 600 b && ln b h && rm b && rmdir d;"
            + " rm missing; exit 0");
  }

  @AfterAll
  static void stop() throws Exception {
    if (sensors != null) {
      sensors.close();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private FileChange change(Operation op, String name, long result) {
    String path = dir.resolve(name).toString();
    return events
        .await(
            FileChange.class,
            c -> c.operation() == op && c.path().equals(path) && c.result() == result)
        .orElseThrow(() -> new AssertionError(op + " " + path + " not seen: " + events.events));
  }

  /**
   * Every change at the entry and exit of its syscall's kernel function where the kernel allows
   * fentry and has the function (no syscall on the tracepoint slow path), else at its tracepoints
   * (the CI host).
   */
  @Test
  void fileSensorIsEnabledWithEachChangeOnTheBestTierTheKernelAllows() {
    assertThat(sensors.statuses().get("file").state())
        .isEqualTo(dev.tapio.api.spi.SourceStatus.State.ENABLED);
    java.util.Map<String, Mechanism> tiers = sensors.hookTiers().get("file");
    // fchmodat2 came with 6.6: before it, its hook is off and said to miss nothing
    java.util.Set<String> hooks = new java.util.HashSet<>(TYPES);
    if (!kernelAtLeast(6, 6)) {
      hooks.remove("fchmodat2");
      assertThat(sensors.hookFallbacks().get("file"))
          .containsEntry("fchmodat2", "no syscall fchmodat2 in this kernel: nothing to miss");
    }
    assertThat(tiers.keySet()).containsExactlyInAnyOrderElementsOf(hooks);
    tiers.forEach(
        (hook, tier) ->
            assertThat(tier)
                .as(hook)
                .isEqualTo(
                    Privileged.fentryOr(
                        dev.tapio.sensors.internal.spec.Arch.current().syscallFunction(hook),
                        Mechanism.TRACEPOINT)));
  }

  @Test
  void mkdirAndRmdir() {
    assertThat(change(Operation.MKDIR, "d", 0).mode()).isEqualTo(0777);
    assertThat(change(Operation.RMDIR, "d", 0).target()).isNull();
  }

  @Test
  void renameCarriesBothResolvedPaths() {
    FileChange mv = change(Operation.RENAME, "a", 0);
    assertThat(mv.target()).isEqualTo(dir.resolve("b").toString());
    assertThat(mv.type()).isIn("rename", "renameat", "renameat2");
  }

  @Test
  void symlinkKeepsItsContentAsGiven() {
    assertThat(change(Operation.SYMLINK, "s", 0).target()).isEqualTo("b");
  }

  @Test
  void chmodLinkAndUnlink() {
    assertThat(change(Operation.CHMOD, "b", 0).mode()).isEqualTo(0600);
    assertThat(change(Operation.LINK, "b", 0).target()).isEqualTo(dir.resolve("h").toString());
    assertThat(change(Operation.UNLINK, "b", 0).type()).isIn("unlink", "unlinkat");
  }

  /**
   * fchmodat2 (6.6+: fchmodat with flags, which glibc calls when flags are given) is reported as
   * fchmodat, the type Falco's rules name: a chmod through it is not a way around them.
   */
  @Test
  void fchmodat2IsReportedAsFchmodatWhereTheKernelHasIt() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        kernelAtLeast(6, 6), "SKIPPED LOUDLY: no fchmodat2 before Linux 6.6");
    Files.writeString(dir.resolve("c2"), "x");
    Process perl =
        Privileged.run(
            dir, "perl", "-e", "my $p = 'c2'; syscall(452, -100, $p, 04755, 0) == 0 or die");
    assertThat(perl.exitValue()).as("fchmodat2 through perl's syscall").isZero();
    FileChange chmod = change(Operation.CHMOD, "c2", 0);
    assertThat(chmod.type()).isEqualTo("fchmodat");
    assertThat(chmod.mode()).isEqualTo(04755);
  }

  private static boolean kernelAtLeast(int major, int minor) {
    String[] release = System.getProperty("os.version").split("[.-]");
    int ma = Integer.parseInt(release[0]);
    int mi = Integer.parseInt(release[1]);
    return ma > major || (ma == major && mi >= minor);
  }

  @Test
  void failedUnlinkCarriesItsErrno() {
    assertThat(change(Operation.UNLINK, "missing", -2).result()).isEqualTo(-2);
  }
}
