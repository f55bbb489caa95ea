package dev.tapio.enrich;

import static dev.tapio.enrich.Events.open;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.context.EnrichedEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Enrichment reading a host's files under a prefix, as in the Helm chart's container. */
class HostRootTest {
  static final String ID = "ab".repeat(32);
  static final String POD_UID = "0d1e3c4b-5a69-4788-9abc-def012345678";

  @TempDir Path host;
  long containerCgroup;

  /**
   * A host as the chart mounts it: its procfs with the init process's mount table and one container
   * process, its cgroup v2 tree (at {@code /sys/fs/cgroup/unified}, a hybrid layout), its user
   * files and containerd's socket.
   */
  @BeforeEach
  void fakeHost() throws IOException {
    Path proc = Files.createDirectories(host.resolve("proc"));
    Files.createDirectories(proc.resolve("1"));
    Files.writeString(
        proc.resolve("1/mountinfo"),
        """
        22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
        25 22 0:22 / /sys/fs/cgroup ro,nosuid shared:4 - tmpfs tmpfs ro,mode=755
        26 25 0:23 / /sys/fs/cgroup/unified rw,nosuid shared:5 - cgroup2 cgroup2 rw,nsdelegate
        """);
    Files.writeString(proc.resolve("stat"), "cpu 1 2 3\nbtime 1700000000\n");
    Path pid = Files.createDirectories(proc.resolve("4242"));
    Files.writeString(
        pid.resolve("stat"),
        "4242 (nginx) S 1 4242 4242 0 0 4194560 0 0 0 0 0 0 0 0 20 0 1 0 250 0 0\n");
    Files.writeString(
        pid.resolve("status"),
        "Name:\tnginx\nTgid:\t4242\nNSpid:\t4242\t1\nUid:\t101\t101\t101\t101\n"
            + "Gid:\t101\t101\t101\t101\nCapInh:\t0\nCapPrm:\t0\nCapEff:\t0\n");
    Files.writeString(pid.resolve("cmdline"), "nginx\0");
    Files.writeString(pid.resolve("comm"), "nginx\n");
    Files.writeString(pid.resolve("loginuid"), "4294967295");
    String cgroupPath = "/kubepods/besteffort/pod" + POD_UID + "/" + ID;
    Files.writeString(pid.resolve("cgroup"), "0::" + cgroupPath + "\n");
    Files.createSymbolicLink(pid.resolve("exe"), Path.of("/usr/sbin/nginx"));
    Path cgroup = Files.createDirectories(host.resolve("sys/fs/cgroup/unified" + cgroupPath));
    containerCgroup = (Long) Files.getAttribute(cgroup, "unix:ino");
    Path etc = Files.createDirectories(host.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\nnginx:x:101:101::/:\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nwww:x:101:\n");
    Files.createDirectories(host.resolve("run/containerd"));
    Files.createFile(host.resolve("run/containerd/containerd.sock"));
  }

  @Test
  void everyHostFactIsReadUnderTheRoot() {
    HostRoot root = HostRoot.of(host);

    assertThat(root.proc()).isEqualTo(host.resolve("proc"));
    assertThat(root.etc()).isEqualTo(host.resolve("etc"));
    assertThat(root.cgroup2()).isEqualTo(host.resolve("sys/fs/cgroup/unified"));
    CriSettings cri = root.cri(CriSettings.DEFAULT);
    assertThat(cri.findSocket()).isEqualTo(host.resolve("run/containerd/containerd.sock"));
    assertThat(root.describe(cri))
        .containsExactly(
            "procfs: " + host.resolve("proc"),
            "cgroup v2: "
                + host.resolve("sys/fs/cgroup/unified")
                + " (from "
                + host.resolve("proc/1/mountinfo")
                + ")",
            "users and groups: " + host.resolve("etc/passwd") + ", " + host.resolve("etc/group"),
            "container runtime socket: " + host.resolve("run/containerd/containerd.sock"));
  }

  @Test
  void anEnricherOnTheRootSeesTheHostsProcessesContainersAndUsers() {
    try (Enricher enricher =
        Enricher.builder().hostRoot(HostRoot.of(host)).hostname("node-1").build()) {
      EnrichedEvent event = enricher.enrich(open(4242, containerCgroup, "/etc/shadow"));

      assertThat(event.process().name()).isEqualTo("nginx");
      assertThat(event.user().name()).isEqualTo("nginx");
      assertThat(event.user().groupName()).isEqualTo("www");
      assertThat(event.container().id()).isEqualTo(ID);
      assertThat(enricher.statusLines())
          .startsWith(
              "process table: enabled (procfs at "
                  + host.resolve("proc")
                  + " + exec/fork/exit events; users from "
                  + host.resolve("etc")
                  + ")",
              "cgroups: enabled (cgroup2 at " + host.resolve("sys/fs/cgroup/unified") + ")");
    }
  }

  @Test
  void aSocketMissingUnderTheRootIsReportedWithEveryPlaceTried() throws IOException {
    Files.delete(host.resolve("run/containerd/containerd.sock"));
    HostRoot root = HostRoot.of(host);

    assertThat(root.describe(root.cri(CriSettings.DEFAULT)).get(3))
        .startsWith(
            "container runtime socket: none found (tried "
                + host.resolve("run/containerd/containerd.sock")
                + ", "
                + host.resolve("run/crio/crio.sock"));
  }

  @Test
  void theHostItselfReadsTheUsualPlaces() {
    assertThat(HostRoot.of(null)).isEqualTo(HostRoot.HOST);
    assertThat(HostRoot.HOST.proc()).isEqualTo(Path.of("/proc"));
    assertThat(HostRoot.HOST.etc()).isEqualTo(Path.of("/etc"));
    assertThat(HostRoot.HOST.cri(CriSettings.DEFAULT)).isEqualTo(CriSettings.DEFAULT);
    assertThat(HostRoot.of(Path.of("/host/")).resolve("/run/x")).isEqualTo(Path.of("/host/run/x"));
    assertThatThrownBy(() -> HostRoot.of(Path.of("host")))
        .hasMessage("the host root must be an absolute path, was host");
  }
}
