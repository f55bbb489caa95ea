package dev.tapio.enrich.internal.kube;

import static dev.tapio.enrich.Events.open;
import static dev.tapio.enrich.Polling.eventually;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.Enricher;
import dev.tapio.enrich.KubernetesPodSource;
import dev.tapio.enrich.KubernetesSettings;
import dev.tapio.enrich.PodMetadataSource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against fabric8's stand-in API server in CRUD mode (no real API server can run here), with a
 * fresh server and cluster for each test.
 */
class KubernetesMetadataTest {
  static final String NODE = "node-1";
  // CRUD mode matches no spec.nodeName field selector, so these tests watch all pods
  static final KubernetesSettings SETTINGS =
      KubernetesSettings.forNode(NODE, "prod-eu").withPodsOfNodeOnly(false);

  KubernetesMockServer server;
  KubernetesClient client;
  // the server assigns its own uids on create, as a real API server does
  String webUid;
  String jobUid;
  String dbUid;

  static OwnerReference owner(String kind, String name, String uid) {
    return new OwnerReferenceBuilder()
        .withApiVersion(kind.equals("Job") || kind.equals("CronJob") ? "batch/v1" : "apps/v1")
        .withKind(kind)
        .withName(name)
        .withUid(uid)
        .withController(true)
        .build();
  }

  static Pod pod(String name, OwnerReference owner, Map<String, String> labels) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .withLabels(labels)
        .withAnnotations(Map.of("team", "payments", "checksum/config", "abc"))
        .withOwnerReferences(owner)
        .endMetadata()
        .withNewSpec()
        .withNodeName(NODE)
        .endSpec()
        .withNewStatus()
        .withPodIP("10.1.2.3")
        .endStatus()
        .build();
  }

  @BeforeEach
  void cluster() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    client = server.createClient();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .withLabels(Map.of("env", "prod"))
                .endMetadata()
                .build())
        .create();
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(NODE)
                .withLabels(Map.of("topology.kubernetes.io/zone", "eu-1a"))
                .endMetadata()
                .build())
        .create();
    client
        .apps()
        .replicaSets()
        .inNamespace("shop")
        .resource(
            new ReplicaSetBuilder()
                .withNewMetadata()
                .withName("web-5d8f")
                .withNamespace("shop")
                .withUid("rs-1")
                .withOwnerReferences(owner("Deployment", "web", "dep-1"))
                .endMetadata()
                .build())
        .create();
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace("shop")
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("backup-2911")
                .withNamespace("shop")
                .withUid("job-1")
                .withOwnerReferences(owner("CronJob", "backup", "cron-1"))
                .endMetadata()
                .build())
        .create();
    webUid = createPod("web-5d8f-x2x", owner("ReplicaSet", "web-5d8f", "rs-1"), "web");
    jobUid = createPod("backup-2911-q", owner("Job", "backup-2911", "job-1"), "backup");
    dbUid = createPod("db-0", owner("StatefulSet", "db", "sts-1"), "db");
  }

  /** Creates a pod in "shop"; returns the uid the server gave it. */
  private String createPod(String name, OwnerReference owner, String app) {
    return client
        .pods()
        .inNamespace("shop")
        .resource(pod(name, owner, Map.of("app", app)))
        .create()
        .getMetadata()
        .getUid();
  }

  /**
   * Closes the client, then the server. The stand-in server can hang on shutdown once informer
   * watches were closed; that is its own affair, so the wait is bounded and reported, not failed.
   */
  @AfterEach
  void stopServer() throws InterruptedException {
    client.close();
    Thread stopper = Thread.ofPlatform().daemon().start(server::destroy);
    stopper.join(Duration.ofSeconds(2));
    if (stopper.isAlive()) {
      System.err.println("the stand-in API server is still stopping; left to finish on its own");
    }
  }

  @Test
  void buildsPodsWithNamespaceLabelsAndWorkloads() {
    try (KubernetesPodSource source = PodMetadataSource.kubernetes(client, SETTINGS)) {
      assertThat(
              eventually(
                  () ->
                      source.status().state() == SourceStatus.State.ENABLED
                          ? source.status()
                          : null))
          .isEqualTo(
              SourceStatus.enabled("informers on all pods, namespaces, replicasets, jobs, node"));
      PodInfo web = requireNonNull(source.lookup(webUid, "", ""));

      assertThat(web.name()).isEqualTo("web-5d8f-x2x");
      assertThat(web.namespace()).isEqualTo("shop");
      assertThat(web.labels()).isEqualTo(Map.of("app", "web"));
      assertThat(web.annotations()).isEmpty();
      assertThat(web.namespaceLabels()).isEqualTo(Map.of("env", "prod"));
      assertThat(web.nodeName()).isEqualTo(NODE);
      assertThat(web.ip()).isEqualTo("10.1.2.3");
      assertThat(web.owners())
          .containsExactly(
              new PodInfo.Owner("ReplicaSet", "web-5d8f", "rs-1"),
              new PodInfo.Owner("Deployment", "web", "dep-1"));
      assertThat(requireNonNull(web.workload()).name()).isEqualTo("web");

      assertThat(requireNonNull(source.lookup(jobUid, "", "")).owners())
          .extracting(PodInfo.Owner::kind)
          .containsExactly("Job", "CronJob");
      assertThat(requireNonNull(source.lookup("", "shop", "db-0")).owners())
          .containsExactly(new PodInfo.Owner("StatefulSet", "db", "sts-1"));
      assertThat(source.lookup("no-such-uid", "shop", "nope")).isNull();

      assertThat(source.clusterName()).isEqualTo("prod-eu");
      assertThat(eventually(() -> source.nodeLabels().isEmpty() ? null : source.nodeLabels()))
          .isEqualTo(Map.of("topology.kubernetes.io/zone", "eu-1a"));
    }
  }

  @Test
  void keepsOnlyTheSelectedLabelsAndAnnotations() {
    KubernetesSettings settings =
        SETTINGS.withPodLabels(Set.of("app")).withPodAnnotations(Set.of("team"));
    String cacheUid = createPod("cache-0", owner("StatefulSet", "cache", "sts-2"), "cache");
    client
        .pods()
        .inNamespace("shop")
        .withName("cache-0")
        .edit(
            p ->
                new PodBuilder(p)
                    .editMetadata()
                    .addToLabels("pod-template-hash", "77")
                    .endMetadata()
                    .build());
    try (KubernetesPodSource source = PodMetadataSource.kubernetes(client, settings)) {
      PodInfo db = eventually(() -> source.lookup(cacheUid, "", ""));
      assertThat(db.labels()).isEqualTo(Map.of("app", "cache"));
      assertThat(db.annotations()).isEqualTo(Map.of("team", "payments"));
    }
  }

  @Test
  void aRelabelledPodChangesLaterEvents(@TempDir Path cgroup2) throws IOException {
    String apiUid = createPod("api-6c4-qq", owner("ReplicaSet", "web-5d8f", "rs-1"), "api");
    Path dir =
        Files.createDirectories(
            cgroup2.resolve("kubepods/besteffort/pod" + apiUid + "/" + "ab".repeat(32)));
    long cgroupId = (Long) Files.getAttribute(dir, "unix:ino");
    try (Enricher enricher =
        Enricher.builder()
            .procRoot(null)
            .cgroup2Root(cgroup2)
            .hostname(NODE)
            .pods(PodMetadataSource.kubernetes(client, SETTINGS))
            .build()) {
      EnrichedEvent before =
          eventually(
              () -> {
                EnrichedEvent e = enricher.enrich(open(7, cgroupId, "/etc/passwd"));
                return e.pod() == null ? null : e;
              });
      assertThat(requireNonNull(before.pod()).labels()).isEqualTo(Map.of("app", "api"));

      client
          .pods()
          .inNamespace("shop")
          .withName("api-6c4-qq")
          .edit(
              p ->
                  new PodBuilder(p)
                      .editMetadata()
                      .addToLabels("quarantine", "true")
                      .endMetadata()
                      .build());

      EnrichedEvent after =
          eventually(
              () -> {
                EnrichedEvent e = enricher.enrich(open(7, cgroupId, "/etc/passwd"));
                return requireNonNull(e.pod()).labels().containsKey("quarantine") ? e : null;
              });
      assertThat(requireNonNull(after.pod()).labels())
          .isEqualTo(Map.of("app", "api", "quarantine", "true"));
      assertThat(after.container().id()).isEqualTo("ab".repeat(32));
      assertThat(requireNonNull(before.pod()).labels()).doesNotContainKey("quarantine");
    }
  }

  @Test
  void podStatusesStandInForAnUnreachableRuntime(@TempDir Path cgroup2) throws IOException {
    String id = "cd".repeat(32);
    String nginxUid = createPod("nginx-0", owner("StatefulSet", "nginx", "sts-3"), "nginx");
    client
        .pods()
        .inNamespace("shop")
        .withName("nginx-0")
        .edit(
            p ->
                new PodBuilder(p)
                    .editSpec()
                    .addNewContainer()
                    .withName("nginx")
                    .withNewSecurityContext()
                    .withPrivileged(true)
                    .endSecurityContext()
                    .endContainer()
                    .endSpec()
                    .editStatus()
                    .addNewContainerStatus()
                    .withName("nginx")
                    .withContainerID("containerd://" + id)
                    .withImage("docker.io/library/nginx:1.27")
                    .withImageID("docker.io/library/nginx@sha256:feed")
                    .withNewState()
                    .withNewRunning("2026-11-26T09:00:00.5Z")
                    .endState()
                    .endContainerStatus()
                    .endStatus()
                    .build());
    Path dir =
        Files.createDirectories(cgroup2.resolve("kubepods/besteffort/pod" + nginxUid + "/" + id));
    long cgroupId = (Long) Files.getAttribute(dir, "unix:ino");
    KubernetesPodSource kubernetes = PodMetadataSource.kubernetes(client, SETTINGS);
    try (Enricher enricher =
        Enricher.builder()
            .procRoot(null)
            .cgroup2Root(cgroup2)
            .hostname(NODE)
            .pods(kubernetes)
            .containers(
                ContainerMetadataSource.composite(
                    List.of(ContainerMetadataSource.noop(), kubernetes.containers())))
            .build()) {
      EnrichedEvent event =
          eventually(
              () -> {
                EnrichedEvent e = enricher.enrich(open(7, cgroupId, "/etc/passwd"));
                return e.container().name().isEmpty() ? null : e;
              });
      ContainerInfo container = event.container();
      assertThat(container.name()).isEqualTo("nginx");
      assertThat(container.image()).isEqualTo("docker.io/library/nginx:1.27");
      assertThat(container.imageRepository()).isEqualTo("docker.io/library/nginx");
      assertThat(container.imageTag()).isEqualTo("1.27");
      assertThat(container.imageDigest()).isEqualTo("sha256:feed");
      assertThat(container.runtime()).isEqualTo("containerd");
      assertThat(container.privileged()).isTrue();
      assertThat(container.startTimeNanos()).isEqualTo(1_795_683_600_500_000_000L);
      assertThat(container.labels()).containsEntry("io.kubernetes.container.name", "nginx");
      assertThat(requireNonNull(event.pod()).name()).isEqualTo("nginx-0");
      assertThat(kubernetes.containers().lookup("ef".repeat(32))).isNull();
    }
  }

  @Test
  void anUnreachableApiServerDegradesToNoPods() {
    try (KubernetesClient offline =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder()
                        .withMasterUrl("https://127.0.0.1:1")
                        .withRequestTimeout(300)
                        .withConnectionTimeout(300)
                        .withRequestRetryBackoffLimit(0)
                        .build())
                .build();
        KubernetesPodSource source = PodMetadataSource.kubernetes(offline, SETTINGS)) {
      assertThat(source.lookup("some-uid", "shop", "web-5d8f-x2x")).isNull();
      assertThat(source.nodeLabels()).isEmpty();
      SourceStatus status = source.status();
      assertThat(status.state()).isEqualTo(SourceStatus.State.UNAVAILABLE);
      assertThat(status.reason())
          .satisfiesAnyOf(
              reason ->
                  assertThat(reason)
                      .isEqualTo(KubernetesMetadata.WAITING + " (https://127.0.0.1:1/)"),
              reason ->
                  assertThat(reason).startsWith("pods: ").endsWith(" (https://127.0.0.1:1/)"));
      String failed =
          eventually(
              () ->
                  source.status().reason().startsWith("pods: ") ? source.status().reason() : null);
      assertThat(failed).startsWith("pods: ").endsWith(" (https://127.0.0.1:1/)");
      assertThat(List.of(source.name())).containsExactly("kubernetes");
    }
  }
}
