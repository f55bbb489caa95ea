package dev.tapio.enrich.internal.cri;

import static dev.tapio.enrich.Events.open;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.CriSettings;
import dev.tapio.enrich.Enricher;
import dev.tapio.enrich.internal.cgroup.CgroupResolver;
import dev.tapio.enrich.internal.cri.v1.ContainerConfig;
import dev.tapio.enrich.internal.cri.v1.ContainerMetadata;
import dev.tapio.enrich.internal.cri.v1.ImageSpec;
import dev.tapio.enrich.internal.cri.v1.LinuxContainerConfig;
import dev.tapio.enrich.internal.cri.v1.LinuxContainerSecurityContext;
import dev.tapio.enrich.internal.cri.v1.LinuxPodSandboxConfig;
import dev.tapio.enrich.internal.cri.v1.LinuxSandboxSecurityContext;
import dev.tapio.enrich.internal.cri.v1.Mount;
import dev.tapio.enrich.internal.cri.v1.NamespaceMode;
import dev.tapio.enrich.internal.cri.v1.NamespaceOption;
import dev.tapio.enrich.internal.cri.v1.PodSandboxConfig;
import dev.tapio.enrich.internal.cri.v1.PodSandboxMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real containerd with its CRI plugin: a pod sandbox and a container created through Tapio's
 * CRI client, and the enricher mapping the container's process to the container, image and pod.
 * Needs root and the Debian packages containerd, runc, busybox-static and gcc with libc6-dev.
 */
@Tag("privileged")
class RealContainerdTest {
  static final String IMAGE = "docker.io/tapio/busybox:e2e";
  static final Path CGROUP_ROOT = Path.of("/sys/fs/cgroup");
  // containerd 1.6 puts shim sockets below this fixed directory, whatever its state dir is
  static final Path SHIM_STATE = Path.of("/run/containerd");

  Path dir;
  ContainerdDaemon daemon;
  CriClient cri;
  String podUid = UUID.randomUUID().toString();
  final List<String> sandboxes = new ArrayList<>();
  final List<Path> createdCgroups = new ArrayList<>();
  boolean shimStateExisted;

  @BeforeEach
  void startContainerd() throws Exception {
    assumeTrue(isRoot(), "SKIPPED LOUDLY: the real-containerd test needs root");
    ensureTools();
    dir = Files.createTempDirectory(Path.of("/tmp"), "tapio-cri-");
    rememberCgroupsToCreate();
    shimStateExisted = Files.exists(SHIM_STATE);
    daemon = ContainerdDaemon.start(dir);
    daemon.importImage(OciImages.pause(dir, ContainerdDaemon.SANDBOX_IMAGE));
    daemon.importImage(OciImages.busybox(dir, IMAGE));
    cri = new CriClient(daemon.socket, Duration.ofSeconds(30));
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (dir == null) {
      return;
    }
    try {
      if (cri != null) {
        for (String sandbox : sandboxes) {
          try {
            cri.stopPodSandbox(sandbox);
            cri.removePodSandbox(sandbox);
          } catch (RuntimeException e) {
            System.err.println("cleanup: sandbox " + sandbox + ": " + e);
          }
        }
        cri.close();
      }
    } finally {
      if (daemon != null) {
        daemon.close();
      }
      killShims();
      unmountUnder(dir);
      removeCgroups();
      deleteTree(dir);
      if (!shimStateExisted) {
        removeEmptyDirectories(SHIM_STATE);
      }
    }
  }

  /** A host-network pod sandbox with one started busybox container ({@code sleep 60}); its id. */
  String startPodWithContainer() throws Exception {
    return startPodWithContainer(List.of("/bin/sleep", "60"), null, false);
  }

  /**
   * A host-network pod sandbox with one started busybox container running {@code command}; its id.
   *
   * @param mount a host directory bind-mounted read-only at {@code /tapio}, or null
   * @param privileged whether the sandbox and the container are privileged (all capabilities, no
   *     seccomp or AppArmor profile, writable {@code /proc/sys})
   */
  String startPodWithContainer(List<String> command, @Nullable Path mount, boolean privileged)
      throws Exception {
    PodSandboxConfig sandbox =
        PodSandboxConfig.newBuilder()
            .setMetadata(
                PodSandboxMetadata.newBuilder()
                    .setName("checkout-7d9f")
                    .setNamespace("shop")
                    .setUid(podUid))
            .setHostname("") // host network: the runtime may not set a host name
            .setLogDirectory(dir.resolve("logs").toString())
            .putLabels("app", "checkout")
            .putLabels("io.kubernetes.pod.name", "checkout-7d9f")
            .putLabels("io.kubernetes.pod.namespace", "shop")
            .putLabels("io.kubernetes.pod.uid", podUid)
            .putAnnotations("team", "payments")
            .setLinux(
                LinuxPodSandboxConfig.newBuilder()
                    .setCgroupParent("/kubepods/besteffort/pod" + podUid)
                    .setSecurityContext(
                        LinuxSandboxSecurityContext.newBuilder()
                            .setPrivileged(privileged)
                            .setNamespaceOptions(
                                NamespaceOption.newBuilder().setNetwork(NamespaceMode.NODE))))
            .build();
    String sandboxId = cri.runPodSandbox(sandbox);
    sandboxes.add(sandboxId);
    ContainerConfig.Builder container =
        ContainerConfig.newBuilder()
            .setMetadata(ContainerMetadata.newBuilder().setName("app"))
            .setImage(ImageSpec.newBuilder().setImage(IMAGE))
            .addCommand(command.getFirst())
            .addAllArgs(command.subList(1, command.size()))
            .setLogPath("app.log")
            .putLabels("io.kubernetes.pod.name", "checkout-7d9f")
            .putLabels("io.kubernetes.pod.namespace", "shop")
            .putLabels("io.kubernetes.pod.uid", podUid)
            .putLabels("io.kubernetes.container.name", "app")
            .setLinux(
                LinuxContainerConfig.newBuilder()
                    .setSecurityContext(
                        LinuxContainerSecurityContext.newBuilder().setPrivileged(privileged)));
    if (mount != null) {
      container.addMounts(
          Mount.newBuilder()
              .setContainerPath("/tapio")
              .setHostPath(mount.toString())
              .setReadonly(true));
    }
    String containerId = cri.createContainer(sandboxId, container.build(), sandbox);
    cri.startContainer(containerId);
    return containerId;
  }

  @Test
  void mapsAContainersProcessToItsContainerImageAndPod() throws Exception {
    String containerId = startPodWithContainer();

    int pid = CriMetadata.extra(cri.containerStatus(containerId, true).getInfoMap()).pid();
    assertThat(pid).as("container pid from the verbose status").isPositive();
    Path cgroup2 = requireNonNull(CgroupResolver.findCgroup2Root(Path.of("/proc/self/mountinfo")));
    String cgroupPath = cgroupV2Path(pid);
    assertThat(cgroupPath).isEqualTo("/kubepods/besteffort/pod" + podUid + "/" + containerId);
    long cgroupId = (Long) Files.getAttribute(cgroup2.resolve(cgroupPath.substring(1)), "unix:ino");

    try (Enricher enricher =
        Enricher.builder()
            .containers(ContainerMetadataSource.cri(CriSettings.DEFAULT.withSocket(daemon.socket)))
            .build()) {
      EnrichedEvent first = enricher.enrich(open(pid, cgroupId, "/etc/hostname"));
      assertThat(first.container().id()).isEqualTo(containerId);
      // /bin/sleep links to busybox: the task is named by the link, as Falco's proc.name shows it
      assertThat(first.process().name()).isEqualTo("sleep");
      assertThat(first.process().exePath()).endsWith("/busybox");

      EnrichedEvent event = enricher.awaitComplete(first, Duration.ofSeconds(20));

      assertThat(event.container().id()).isEqualTo(containerId);
      assertThat(event.container().name()).isEqualTo("app");
      assertThat(event.container().image()).isEqualTo(IMAGE);
      assertThat(event.container().imageRepository()).isEqualTo("docker.io/tapio/busybox");
      assertThat(event.container().imageTag()).isEqualTo("e2e");
      assertThat(event.container().runtime()).isEqualTo("containerd");
      assertThat(event.container().labels()).containsEntry("io.kubernetes.container.name", "app");
      PodInfo pod = requireNonNull(event.pod(), "the container's pod");
      assertThat(pod.name()).isEqualTo("checkout-7d9f");
      assertThat(pod.namespace()).isEqualTo("shop");
      assertThat(pod.uid()).isEqualTo(podUid);
      assertThat(pod.labels()).isEqualTo(Map.of("app", "checkout"));
      assertThat(pod.annotations()).containsEntry("team", "payments");
      // whichever containerd the distribution ships: a version that starts like semver, any
      // packaging suffix (1.6.20~ds1, 1.7.24-1, 2.0.0+deb) after it
      assertThat(enricher.statusLines())
          .anySatisfy(
              line ->
                  assertThat(line)
                      .matches(
                          "containers: enabled \\(cri containerd v?\\d+\\.\\d+\\.\\d+\\S* at "
                              + java.util.regex.Pattern.quote(daemon.socket.toString())
                              + "\\)"));
    }
  }

  private static String cgroupV2Path(int pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/cgroup"))) {
      if (line.startsWith("0::")) {
        return line.substring(3);
      }
    }
    throw new IOException("no cgroup v2 line for " + pid);
  }

  private static boolean isRoot() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .anyMatch(line -> line.startsWith("Uid:") && line.split("\\s+", -1)[1].equals("0"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Installs the Debian packages when a tool is missing; skips loudly when that fails. */
  private static void ensureTools() throws InterruptedException {
    List<String> tools =
        List.of(
            "/usr/bin/containerd",
            "/usr/bin/ctr",
            "/usr/sbin/runc",
            "/bin/busybox",
            "/usr/bin/gcc");
    if (tools.stream().allMatch(t -> Files.isExecutable(Path.of(t)))
        && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libc.a"))) {
      return;
    }
    try {
      OciImages.run(Path.of("/tmp"), "apt-get", "update", "-q");
      OciImages.run(
          Path.of("/tmp"),
          "apt-get",
          "install",
          "-y",
          "-q",
          "containerd",
          "runc",
          "containernetworking-plugins",
          "busybox-static",
          "gcc",
          "libc6-dev");
    } catch (IOException e) {
      System.err.println("apt-get install failed: " + e.getMessage());
    }
    for (String tool : tools) {
      assumeTrue(
          Files.isExecutable(Path.of(tool)),
          "SKIPPED LOUDLY: "
              + tool
              + " is missing (apt-get install containerd runc containernetworking-plugins busybox-static gcc libc6-dev)");
    }
  }

  /** Notes which cgroup directories of the pod (and its parents) do not exist yet. */
  private void rememberCgroupsToCreate() throws IOException {
    try (Stream<Path> hierarchies = Files.list(CGROUP_ROOT)) {
      for (Path hierarchy : hierarchies.toList()) {
        for (String relative :
            List.of("kubepods", "kubepods/besteffort", "kubepods/besteffort/pod" + podUid)) {
          Path candidate = hierarchy.resolve(relative);
          if (Files.isDirectory(hierarchy) && !Files.exists(candidate)) {
            createdCgroups.add(candidate);
          }
        }
      }
    }
  }

  /**
   * Removes the cgroup directories this test caused, deepest first; a cgroup is removed by rmdir.
   */
  private void removeCgroups() throws IOException {
    List<Path> ordered = new ArrayList<>(createdCgroups);
    ordered.sort(Comparator.comparingInt(Path::getNameCount).reversed());
    for (Path cgroup : ordered) {
      if (!Files.isDirectory(cgroup)) {
        continue;
      }
      try (Stream<Path> children = Files.list(cgroup)) {
        for (Path child : children.filter(Files::isDirectory).toList()) {
          rmdir(child);
        }
      }
      rmdir(cgroup);
    }
  }

  private static void rmdir(Path cgroup) {
    try {
      OciImages.run(Path.of("/"), "rmdir", cgroup.toString());
    } catch (IOException | InterruptedException e) {
      System.err.println("cleanup: " + e.getMessage());
    }
  }

  /** Kills, one pid at a time, container shims that were started for this test's daemon. */
  private void killShims() {
    String socket = daemon == null ? dir.toString() : daemon.socket.toString();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains(socket))
        .forEach(
            p -> {
              p.destroyForcibly();
              p.onExit()
                  .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                  .exceptionally(e -> p)
                  .join();
            });
  }

  private static void unmountUnder(Path dir) throws IOException, InterruptedException {
    List<String> mounts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      String mountPoint = line.split(" ", -1)[4];
      if (mountPoint.startsWith(dir.toString())) {
        mounts.add(mountPoint);
      }
    }
    mounts.sort(Comparator.comparingInt(String::length).reversed());
    for (String mount : mounts) {
      try {
        OciImages.run(Path.of("/"), "umount", "-l", mount);
      } catch (IOException e) {
        System.err.println("cleanup: " + e.getMessage());
      }
    }
  }

  /** Removes {@code root} when it holds only (empty) directories; else says what is left. */
  private static void removeEmptyDirectories(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(root)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    if (paths.stream().anyMatch(p -> !Files.isDirectory(p))) {
      System.err.println("cleanup: " + root + " holds files; left in place");
      return;
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
