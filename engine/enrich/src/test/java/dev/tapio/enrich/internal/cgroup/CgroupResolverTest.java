package dev.tapio.enrich.internal.cgroup;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.tapio.enrich.internal.proc.ProcfsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupResolverTest {
  static final String ID = CgroupPathsTest.ID;
  @TempDir Path root;

  static long inode(Path dir) throws IOException {
    return ((Number) Files.getAttribute(dir, "unix:ino")).longValue();
  }

  @Test
  void findsTheCgroup2MountInTheMountTable() throws IOException {
    Path mountinfo = root.resolve("mountinfo");
    Files.writeString(
        mountinfo,
        """
        22 1 0:21 / /sys rw,nosuid - sysfs sysfs rw
        30 22 0:26 / /sys/fs/cgroup ro,nosuid - tmpfs tmpfs ro,mode=755
        31 30 0:27 / /sys/fs/cgroup/unified rw,nosuid shared:9 - cgroup2 cgroup2 rw,nsdelegate
        32 30 0:28 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu
        """);
    assertThat(CgroupResolver.findCgroup2Root(mountinfo))
        .isEqualTo(Path.of("/sys/fs/cgroup/unified"));
    Files.writeString(mountinfo, "22 1 0:21 / /sys rw - sysfs sysfs rw\n");
    assertThat(CgroupResolver.findCgroup2Root(mountinfo)).isNull();
  }

  @Test
  void mapsDirectoryInodesToContainers() throws IOException {
    Path container = Files.createDirectories(root.resolve("kubepods/besteffort/podu1/" + ID));
    Path system = Files.createDirectories(root.resolve("system.slice/ssh.service"));
    Path later = root.resolve("system.slice/docker-" + ID.replace('3', '4') + ".scope");
    CgroupResolver resolver = new CgroupResolver(root, null, Runnable::run, System::nanoTime);
    resolver.scan();

    ContainerRef ref = resolver.resolve(inode(container), 0);
    assertThat(ref).isEqualTo(new ContainerRef(ID, "", "u1"));
    assertThat(resolver.resolve(inode(system), 0)).isEqualTo(ContainerRef.HOST);
    assertThat(resolver.path(inode(container), 0)).isEqualTo("/kubepods/besteffort/podu1/" + ID);

    Files.createDirectories(later); // appears after the scan: an unknown id triggers a rescan
    long laterId = inode(later);
    assertThat(resolver.resolve(laterId, 0).runtime()).isEqualTo("docker");
    assertThat(resolver.scans()).isEqualTo(2);
  }

  @Test
  void fallsBackToTheProcessCgroupFileWhenTheIdIsUnknown() throws IOException {
    Path container = Files.createDirectories(root.resolve("cg/docker/" + ID));
    Path proc = Files.createDirectories(root.resolve("proc/77"));
    Files.writeString(proc.resolve("cgroup"), "0::/docker/" + ID + "\n");
    CgroupResolver resolver =
        new CgroupResolver(
            root.resolve("cg"),
            new ProcfsReader(root.resolve("proc")),
            task -> {},
            System::nanoTime);

    assertThat(resolver.resolve(inode(container), 77))
        .isEqualTo(new ContainerRef(ID, "docker", ""));
    assertThat(resolver.path(inode(container), 0)).isEqualTo("/docker/" + ID); // cached now
    assertThat(resolver.resolve(0, 77).id()).isEqualTo(ID);
  }

  @Test
  void resolvesThisProcessOnTheRealHierarchy() throws IOException {
    Path found = CgroupResolver.findCgroup2Root(Path.of("/proc/self/mountinfo"));
    assumeThat(found).as("no cgroup v2 mount on this machine").isNotNull();
    Path cgroup2 = requireNonNull(found);
    ProcfsReader procfs = new ProcfsReader(Path.of("/proc"));
    int self = (int) ProcessHandle.current().pid();
    String path = requireNonNull(procfs.cgroupPath(self, true));
    Path dir = path.equals("/") ? cgroup2 : cgroup2.resolve(path.substring(1));
    CgroupResolver resolver = new CgroupResolver(cgroup2, procfs, Runnable::run, System::nanoTime);
    resolver.scan();

    assertThat(resolver.path(inode(dir), 0)).isEqualTo(path);
  }
}
