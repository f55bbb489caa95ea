package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.FileOpen;
import dev.tapio.api.spi.SourceStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Opens by other processes, seen by the file sensor with this process filtered out. */
@Tag("privileged")
class FileSensorPrivilegedTest {
  private static final Path TMP = Path.of("/tmp");
  private static final int ENOENT = 2;
  private static final int EACCES = 13;
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of("open", "openat", "openat2", "creat"), events);
  }

  @AfterAll
  static void stop() {
    if (sensors != null) {
      sensors.close();
    }
  }

  @Test
  void fileSensorIsEnabledOnTheBestTierTheKernelAllows() {
    assertThat(sensors.statuses().get("file"))
        .isEqualTo(SourceStatus.enabled(Privileged.openTier()));
  }

  @Test
  void readingShadowGivesItsFullPath() throws Exception {
    Process cat = Privileged.run(TMP, "cat", "/etc/shadow");
    FileOpen open =
        events
            .await(
                FileOpen.class,
                e -> e.header().pid() == cat.pid() && e.path().equals("/etc/shadow"))
            .orElseThrow();
    assertThat(open.type()).isEqualTo("openat");
    assertThat(open.rawPath()).isEqualTo("/etc/shadow");
    assertThat(open.succeeded()).isTrue();
    assertThat(open.flags() & 3).isZero(); // O_RDONLY
  }

  @Test
  void failedRelativeOpenIsResolvedAgainstTheCwdWithItsErrno() throws Exception {
    String name = "tapio-missing-" + UUID.randomUUID();
    Process cat = Privileged.run(TMP, "cat", name);
    FileOpen open =
        events
            .await(FileOpen.class, e -> e.header().pid() == cat.pid() && e.rawPath().equals(name))
            .orElseThrow();
    assertThat(open.result()).isEqualTo(-ENOENT);
    assertThat(open.path()).isEqualTo("/tmp/" + name);
  }

  @Test
  void permissionDeniedOpenCarriesEacces() throws Exception {
    Process cat =
        Privileged.run(
            TMP,
            "setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "cat",
            "/etc/shadow");
    FileOpen open =
        events
            .await(
                FileOpen.class,
                e -> e.header().pid() == cat.pid() && e.rawPath().equals("/etc/shadow"))
            .orElseThrow();
    assertThat(open.result()).isEqualTo(-EACCES);
    assertThat(open.path()).isEqualTo("/etc/shadow");
  }

  @Test
  void successfulRelativeOpenIsTheResolvedFile() throws Exception {
    Path dir = Files.createTempDirectory("tapio-rel");
    Path file = Files.writeString(dir.resolve("data.txt"), "x");
    try {
      Process cat = Privileged.run(dir, "cat", "./data.txt");
      FileOpen open =
          events
              .await(
                  FileOpen.class,
                  e -> e.header().pid() == cat.pid() && e.rawPath().equals("./data.txt"))
              .orElseThrow();
      assertThat(open.path()).isEqualTo(file.toRealPath().toString());
      assertThat(open.result()).isNotNegative();
    } finally {
      Files.delete(file);
      Files.delete(dir);
    }
  }

  @Test
  void openThroughASymlinkIsThePathAsAskedForLikeFalco() throws Exception {
    Path dir = Files.createTempDirectory("tapio-link").toRealPath();
    Path file = Files.writeString(dir.resolve("data.txt"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link.txt"), file.getFileName());
    Path sub = Files.createDirectory(dir.resolve("sub"));
    try {
      Process absolute = Privileged.run(TMP, "cat", dir + "//./link.txt");
      FileOpen abs =
          events
              .await(
                  FileOpen.class,
                  e -> e.header().pid() == absolute.pid() && e.rawPath().endsWith("link.txt"))
              .orElseThrow();
      assertThat(abs.succeeded()).isTrue();
      assertThat(abs.path()).isEqualTo(link.toString());
      Process relative = Privileged.run(dir, "cat", "sub/../link.txt");
      FileOpen rel =
          events
              .await(
                  FileOpen.class,
                  e -> e.header().pid() == relative.pid() && e.rawPath().endsWith("link.txt"))
              .orElseThrow();
      assertThat(rel.succeeded()).isTrue();
      assertThat(rel.path()).isEqualTo(link.toString());
    } finally {
      Files.delete(sub);
      Files.delete(link);
      Files.delete(file);
      Files.delete(dir);
    }
  }

  @Test
  void ownOpensAreFilteredInTheKernel() throws Throwable {
    String path = "/tmp/tapio-self-" + UUID.randomUUID();
    int fd = SelfCalls.open(path, SelfCalls.O_RDONLY);
    assertThat(fd).isNegative();
    Process cat = Privileged.run(TMP, "cat", path);
    assertThat(
            events.await(
                FileOpen.class, e -> e.header().pid() == cat.pid() && e.rawPath().equals(path)))
        .isPresent();
    int self = (int) ProcessHandle.current().pid();
    assertThat(events.all(FileOpen.class, e -> e.header().pid() == self)).isEmpty();
  }
}
