package dev.tapio.enrich.internal.cgroup;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.enrich.internal.proc.ProcfsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A container whose processes have all exited before its events are enriched (a short-lived {@code
 * docker run --rm}, a job's pod): its cgroup is new since the engine's scan, and {@code
 * /proc/PID/cgroup} no longer exists. The id alone must still name the container.
 */
@Tag("privileged")
class CgroupHandlesPrivilegedTest {
  static final String ID = CgroupPathsTest.ID;

  private static Path cgroup2() {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: opening cgroups by handle needs root (CAP_DAC_READ_SEARCH)");
    Path found = CgroupResolver.findCgroup2Root(Path.of("/proc/self/mountinfo"));
    assumeTrue(found != null, "SKIPPED LOUDLY: no cgroup v2 mount on this machine");
    return requireNonNull(found);
  }

  @Test
  void aCgroupMadeAfterTheScanWithNoProcessLeftResolvesToItsContainerAtOnce() throws IOException {
    Path cgroup2 = cgroup2();
    Path parent = cgroup2.resolve("tapio-test-handles-" + UUID.randomUUID());
    Path scope = parent.resolve("docker-" + ID + ".scope");
    var rescans = new java.util.concurrent.atomic.AtomicInteger();
    // a procfs without the process (it has exited) and a rescan that never runs in time
    CgroupResolver resolver =
        new CgroupResolver(
            cgroup2,
            new ProcfsReader(Path.of("/nonexistent-proc")),
            task -> rescans.incrementAndGet(),
            System::nanoTime);
    resolver.scan();
    try {
      Files.createDirectories(scope);
      long id = CgroupResolverTest.inode(scope);

      assertThat(resolver.resolve(id, 4242)).isEqualTo(new ContainerRef(ID, "docker", ""));
      assertThat(resolver.path(id, 0)).isEqualTo("/" + cgroup2.relativize(scope));
      assertThat(rescans).as("no tree scan was needed").hasValue(0);
    } finally {
      Files.deleteIfExists(scope);
      Files.deleteIfExists(parent);
    }
  }

  @Test
  void aRemovedCgroupResolvesToNothingAndIsNotCached() throws IOException {
    Path cgroup2 = cgroup2();
    Path parent = cgroup2.resolve("tapio-test-handles-" + UUID.randomUUID());
    Path scope = Files.createDirectories(parent.resolve("docker-" + ID + ".scope"));
    long id = CgroupResolverTest.inode(scope);
    Files.delete(scope);
    Files.delete(parent);
    var handles = new CgroupHandles(cgroup2);

    assertThat(handles.path(id)).isNull();
    assertThat(handles.refused()).as("a stale handle is not a refusal").isFalse();
    assertThat(handles.path(CgroupResolverTest.inode(cgroup2))).isEqualTo("/");
  }

  @Test
  void aDirectoryThatIsNotACgroupMountAnswersNothing() throws IOException {
    cgroup2();
    Path tmp = Files.createTempDirectory("tapio-not-cgroup");
    try {
      assertThat(new CgroupHandles(tmp).path(CgroupResolverTest.inode(tmp))).isNull();
    } finally {
      Files.delete(tmp);
    }
  }
}
