package dev.tapio.enrich.internal.cri;

import static dev.tapio.enrich.Polling.eventually;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.ContainerMetadata;
import dev.tapio.enrich.CriSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriMetadataSourceTest {
  static final String ID = "c0".repeat(32);
  static final String OTHER = "d1".repeat(32);
  @TempDir Path dir;

  /**
   * A call timeout no busy build machine reaches, so a slow answer is never taken for a missing
   * one; the test of a hung runtime sets its own short deadline.
   */
  CriSettings settings(Path socket) {
    return settings(socket, Duration.ofSeconds(5));
  }

  CriSettings settings(Path socket, Duration callTimeout) {
    return CriSettings.DEFAULT.withSocket(socket).withCallTimeout(callTimeout);
  }

  @Test
  void fetchesAContainerInTheBackgroundAndCachesIt() throws Exception {
    try (FakeRuntime runtime = new FakeRuntime(dir.resolve("cri.sock"));
        CriMetadataSource source = CriMetadataSource.start(settings(dir.resolve("cri.sock")))) {
      runtime.containers.put(ID, FakeRuntime.nginx(ID));

      assertThat(source.lookup(ID)).isNull(); // first sight: asked in the background
      ContainerMetadata metadata = eventually(() -> source.lookup(ID));

      ContainerInfo container = metadata.container();
      assertThat(container.name()).isEqualTo("web");
      assertThat(container.image()).isEqualTo("docker.io/library/nginx:1.27");
      assertThat(container.imageRepository()).isEqualTo("docker.io/library/nginx");
      assertThat(container.imageTag()).isEqualTo("1.27");
      assertThat(container.imageDigest()).isEqualTo("sha256:feed");
      assertThat(container.runtime()).isEqualTo("containerd");
      assertThat(container.privileged()).isTrue();
      assertThat(container.startTimeNanos()).isEqualTo(1_700_000_000_000_000_000L);
      assertThat(container.labels()).containsEntry("io.kubernetes.pod.name", "web-0");
      assertThat(container.mounts())
          .containsExactly(
              new ContainerInfo.Mount(
                  "/var/lib/kubelet/pods/x/volumes/data", "/data", false, "rslave"));
      assertThat(metadata.pid()).isEqualTo(4242);
      PodInfo pod = requireNonNull(metadata.pod());
      assertThat(pod.name()).isEqualTo("web-0");
      assertThat(pod.namespace()).isEqualTo("shop");
      assertThat(pod.uid()).isEqualTo("pod-uid-1");
      assertThat(pod.labels()).isEqualTo(Map.of("app", "web"));
      assertThat(pod.annotations()).isEqualTo(Map.of("team", "payments"));
      assertThat(source.status())
          .isEqualTo(SourceStatus.enabled("cri containerd 1.6.20 at " + dir.resolve("cri.sock")));

      source.lookup(ID);
      assertThat(runtime.statusCalls.get()).isEqualTo(1);
    }
  }

  @Test
  void aSandboxIdResolvesToItsPod() throws Exception {
    try (FakeRuntime runtime = new FakeRuntime(dir.resolve("cri.sock"));
        CriMetadataSource source = CriMetadataSource.start(settings(dir.resolve("cri.sock")))) {
      source.lookup(FakeRuntime.SANDBOX);
      ContainerMetadata metadata = eventually(() -> source.lookup(FakeRuntime.SANDBOX));
      assertThat(requireNonNull(metadata.pod()).name()).isEqualTo("web-0");
      assertThat(metadata.container().image()).isEmpty();
      assertThat(runtime.statusCalls.get()).isEqualTo(1); // not a container: asked as a sandbox
    }
  }

  @Test
  void detectsTheFirstWellKnownSocketUnderTheRootPrefix() throws Exception {
    CriSettings settings = new CriSettings(null, dir.toString(), Duration.ofMillis(300), 16);
    assertThat(CriMetadataSource.detect(settings)).isNull();

    Path crio = dir.resolve("run/crio/crio.sock");
    java.nio.file.Files.createDirectories(crio.getParent());
    java.nio.file.Files.createFile(crio);
    assertThat(CriMetadataSource.detect(settings)).isEqualTo(crio);

    Path containerd = dir.resolve("run/containerd/containerd.sock");
    java.nio.file.Files.createDirectories(containerd.getParent());
    java.nio.file.Files.createFile(containerd);
    assertThat(CriMetadataSource.detect(settings)).isEqualTo(containerd);
    assertThat(CriMetadataSource.detect(settings.withSocket(Path.of("/elsewhere.sock"))))
        .isEqualTo(Path.of("/elsewhere.sock"));
  }

  @Test
  void noSocketMeansNoMetadataAndASayingStatus() {
    CriSettings settings = new CriSettings(null, dir.toString(), Duration.ofMillis(300), 16);
    try (CriMetadataSource source = CriMetadataSource.start(settings)) {
      assertThat(source.lookup(ID)).isNull();
      SourceStatus status =
          eventually(
              () -> source.status().reason().startsWith("no container") ? source.status() : null);
      assertThat(status)
          .isEqualTo(
              SourceStatus.unavailable(
                  "no container runtime socket found (tried "
                      + String.join(
                          ", ",
                          CriSettings.WELL_KNOWN_SOCKETS.stream()
                              .map(p -> dir + p.toString())
                              .toList())
                      + ")"));
      assertThat(source.lookup(ID)).isNull();
    }
  }

  @Test
  void aHungRuntimeNeverBlocksLookups() throws Exception {
    try (FakeRuntime runtime = new FakeRuntime(dir.resolve("cri.sock"));
        CriMetadataSource source =
            CriMetadataSource.start(settings(dir.resolve("cri.sock"), Duration.ofMillis(300)))) {
      runtime.gate = new CountDownLatch(1); // every ContainerStatus hangs
      runtime.containers.put(ID, FakeRuntime.nginx(ID));

      for (int i = 0; i < 5000; i++) {
        assertThat(source.lookup(i % 2 == 0 ? ID : "e" + i)).isNull();
      }
      String reason =
          eventually(
              () ->
                  source.status().state() == SourceStatus.State.UNAVAILABLE
                      ? source.status().reason()
                      : null);
      assertThat(reason)
          .startsWith(
              "runtime at " + dir.resolve("cri.sock") + " not answering: DEADLINE_EXCEEDED");

      runtime.gate.countDown();
      assertThat(eventually(() -> source.lookup(ID)).container().name()).isEqualTo("web");
    }
  }

  @Test
  void aRestartedRuntimeIsUsedAgain() throws Exception {
    Path socket = dir.resolve("cri.sock");
    try (FakeRuntime runtime = new FakeRuntime(socket);
        CriMetadataSource source = CriMetadataSource.start(settings(socket))) {
      runtime.containers.put(ID, FakeRuntime.nginx(ID));
      runtime.containers.put(OTHER, FakeRuntime.nginx(OTHER));
      source.lookup(ID);
      eventually(() -> source.lookup(ID));

      runtime.stop();
      assertThat(source.lookup(OTHER)).isNull();
      eventually(() -> source.status().state() == SourceStatus.State.UNAVAILABLE ? true : null);
      assertThat(source.lookup(ID)).isNotNull(); // cached answers stay

      runtime.start();
      assertThat(eventually(() -> source.lookup(OTHER)).container().id()).isEqualTo(OTHER);
      assertThat(source.status().state()).isEqualTo(SourceStatus.State.ENABLED);
      assertThat(List.of(source.name())).containsExactly("cri");
    }
  }
}
