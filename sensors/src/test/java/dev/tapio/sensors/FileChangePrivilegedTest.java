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
    assertThat(tiers).hasSize(TYPES.size());
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

  @Test
  void failedUnlinkCarriesItsErrno() {
    assertThat(change(Operation.UNLINK, "missing", -2).result()).isEqualTo(-2);
  }
}
