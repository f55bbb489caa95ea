package dev.tapio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A cgroup2 directory of a test's own, so per-cgroup kernel limits and cgroup-keyed state see only
 * the test's processes, not everything else on the node (the build running the test included).
 * Removed on close, once its processes have exited.
 */
final class TestCgroup implements AutoCloseable {
  private final Path dir;
  private final List<Path> removed;

  private TestCgroup(Path dir, List<Path> removed) {
    this.dir = dir;
    this.removed = removed;
  }

  /** A fresh cgroup below the cgroup2 mount; needs root. */
  static TestCgroup create(String purpose) throws IOException {
    Path dir = unifiedMount().resolve("tapio-test-" + purpose + "-" + UUID.randomUUID());
    Files.createDirectory(dir);
    return new TestCgroup(dir, List.of(dir));
  }

  /**
   * A fresh cgroup shaped like a Docker container's ({@code .../docker-<id>.scope}), so enrichment
   * takes its processes for container {@code id} (64 hex digits); needs root.
   */
  static TestCgroup dockerContainer(String id) throws IOException {
    Path parent = unifiedMount().resolve("tapio-test-container-" + UUID.randomUUID());
    Path dir = Files.createDirectories(parent.resolve("docker-" + id + ".scope"));
    return new TestCgroup(dir, List.of(dir, parent));
  }

  /** The cgroup's id, as events carry it: the inode number of its directory. */
  long id() throws IOException {
    return (Long) Files.getAttribute(dir, "unix:ino");
  }

  /** {@code command}, run by a shell that first moves itself into this cgroup. */
  List<String> wrap(String... command) {
    List<String> out = new ArrayList<>();
    out.add("sh");
    out.add("-c");
    out.add("echo $$ > '" + dir.resolve("cgroup.procs") + "' && exec \"$@\"");
    out.add("sh");
    out.addAll(List.of(command));
    return out;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (Path p : removed) {
      remove(p);
    }
  }

  private static void remove(Path dir) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.deleteIfExists(dir);
        return;
      } catch (IOException busy) {
        if (attempt == 50) {
          throw busy;
        }
        Thread.sleep(100); // its last process is still exiting
      }
    }
  }

  /** Where cgroup2 is mounted: /sys/fs/cgroup on a unified host, .../unified on a hybrid one. */
  private static Path unifiedMount() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String[] halves = line.split(" - ", 2);
      if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) {
        return Path.of(halves[0].split(" ")[4]);
      }
    }
    throw new IOException("no cgroup2 file system is mounted");
  }
}
