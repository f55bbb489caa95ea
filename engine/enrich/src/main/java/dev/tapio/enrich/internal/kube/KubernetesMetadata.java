package dev.tapio.enrich.internal.kube;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.ContainerMetadata;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.KubernetesPodSource;
import dev.tapio.enrich.KubernetesSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Pods, namespaces, ReplicaSets, Jobs and this node, each kept by a fabric8 informer; {@link
 * #lookup} builds a {@link PodInfo} from those caches and memoizes it until any watched object
 * changes, so a relabelled pod shows its new labels on the next event. Informers start in the
 * background; one that cannot list or watch (unreachable API, missing RBAC) leaves the others
 * working and is named in {@link #status()}.
 */
public final class KubernetesMetadata implements KubernetesPodSource {
  static final String WAITING = "waiting for the first list of pods from the API server";
  static final String FAILED_PODS = "pods: %s (%s)";
  static final String UID_INDEX = "uid";
  static final String CONTAINER_INDEX = "container";
  private static final int MAX_CACHED = 4096;

  private record Cached(PodInfo pod, long generation) {}

  private final KubernetesSettings settings;
  private final String apiServer;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers =
      new LinkedHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final AtomicLong generation = new AtomicLong();
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  private final SharedIndexInformer<Job> jobs;
  private final @Nullable SharedIndexInformer<Node> node;

  private KubernetesMetadata(KubernetesClient client, KubernetesSettings settings) {
    this.settings = settings;
    this.apiServer = String.valueOf(client.getMasterUrl());
    long resync = settings.resync().toMillis();
    var podQuery = client.pods().inAnyNamespace();
    this.pods =
        settings.podsOfNodeOnly()
            ? podQuery.withField("spec.nodeName", settings.nodeName()).runnableInformer(resync)
            : podQuery.runnableInformer(resync);
    pods.addIndexers(
        Map.of(
            UID_INDEX,
            pod -> List.of(Owners.nullToEmpty(pod.getMetadata().getUid())),
            CONTAINER_INDEX,
            PodContainers::ids));
    this.namespaces = client.namespaces().runnableInformer(resync);
    this.replicaSets = client.apps().replicaSets().inAnyNamespace().runnableInformer(resync);
    this.jobs = client.batch().v1().jobs().inAnyNamespace().runnableInformer(resync);
    this.node =
        settings.nodeName().isEmpty()
            ? null
            : client
                .nodes()
                .withField("metadata.name", settings.nodeName())
                .runnableInformer(resync);
    informers.put("pods", pods);
    informers.put("namespaces", namespaces);
    informers.put("replicasets", replicaSets);
    informers.put("jobs", jobs);
    if (node != null) {
      informers.put("node", node);
    }
  }

  /** Creates the informers and starts them without waiting for their first lists. */
  public static KubernetesMetadata start(KubernetesClient client, KubernetesSettings settings) {
    KubernetesMetadata metadata = new KubernetesMetadata(client, settings);
    metadata.informers.forEach(metadata::startInformer);
    return metadata;
  }

  private <T extends HasMetadata> void startInformer(String name, SharedIndexInformer<T> informer) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T object) {
            changed(name);
          }

          @Override
          public void onUpdate(T before, T after) {
            changed(name);
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            changed(name);
          }
        });
    informer.exceptionHandler(
        (started, error) -> {
          failures.put(name, describe(error));
          return true; // keep retrying with the informer's backoff
        });
    try {
      informer
          .start()
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failures.put(name, describe(error));
                }
              });
    } catch (RuntimeException e) {
      failures.put(name, describe(e));
    }
  }

  private void changed(String informer) {
    failures.remove(informer);
    generation.incrementAndGet();
  }

  @Override
  public String name() {
    return "kubernetes";
  }

  @Override
  public @Nullable PodInfo lookup(String uid, String namespace, String name) {
    long current = generation.get();
    if (!uid.isEmpty()) {
      Cached cached = cache.get(uid);
      if (cached != null && cached.generation() == current) {
        return cached.pod();
      }
    }
    Pod pod = null;
    if (!uid.isEmpty()) {
      List<Pod> found = pods.getIndexer().byIndex(UID_INDEX, uid);
      pod = found.isEmpty() ? null : found.getFirst();
    }
    if (pod == null && !name.isEmpty()) {
      pod = pods.getStore().getByKey(namespace + "/" + name);
    }
    if (pod == null) {
      return null;
    }
    PodInfo info = build(pod);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(info.uid(), new Cached(info, current));
    return info;
  }

  @Override
  public ContainerMetadataSource containers() {
    return new ContainerMetadataSource() {
      @Override
      public String name() {
        return "kubernetes";
      }

      @Override
      public @Nullable ContainerMetadata lookup(String containerId) {
        List<Pod> found = pods.getIndexer().byIndex(CONTAINER_INDEX, containerId);
        if (found.isEmpty()) {
          return null;
        }
        Pod pod = found.getFirst();
        ContainerInfo container = PodContainers.container(pod, containerId);
        return container == null
            ? null
            : new ContainerMetadata(
                container,
                KubernetesMetadata.this.lookup(
                    Owners.nullToEmpty(pod.getMetadata().getUid()), "", ""),
                0);
      }

      @Override
      public SourceStatus status() {
        return KubernetesMetadata.this.status();
      }
    };
  }

  private PodInfo build(Pod pod) {
    var meta = pod.getMetadata();
    Namespace namespace = namespaces.getStore().getByKey(meta.getNamespace());
    return new PodInfo(
        meta.getName(),
        Owners.nullToEmpty(meta.getUid()),
        meta.getNamespace(),
        select(Owners.orEmpty(meta.getLabels()), settings.podLabels(), true),
        select(Owners.orEmpty(meta.getAnnotations()), settings.podAnnotations(), false),
        namespace == null ? Map.of() : Owners.orEmpty(namespace.getMetadata().getLabels()),
        Owners.chain(pod, this::find),
        pod.getSpec() == null ? "" : Owners.nullToEmpty(pod.getSpec().getNodeName()),
        pod.getStatus() == null ? null : pod.getStatus().getPodIP());
  }

  private @Nullable HasMetadata find(String kind, String key) {
    return switch (kind) {
      case "ReplicaSet" -> replicaSets.getStore().getByKey(key);
      case "Job" -> jobs.getStore().getByKey(key);
      default -> null;
    };
  }

  private static Map<String, String> select(
      Map<String, String> all, java.util.Set<String> keys, boolean emptyMeansAll) {
    if (keys.isEmpty()) {
      return emptyMeansAll ? all : Map.of();
    }
    return all.entrySet().stream()
        .filter(e -> keys.contains(e.getKey()))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  @Override
  public String clusterName() {
    return settings.clusterName();
  }

  @Override
  public String nodeName() {
    return settings.nodeName();
  }

  @Override
  public Map<String, String> nodeLabels() {
    if (node == null) {
      return Map.of();
    }
    List<Node> nodes = node.getStore().list();
    return nodes.isEmpty() ? Map.of() : Owners.orEmpty(nodes.getFirst().getMetadata().getLabels());
  }

  /**
   * Enabled once every informer has its first list; partial while a secondary one (namespaces,
   * workloads, node) fails; unavailable while pods cannot be listed.
   */
  @Override
  public SourceStatus status() {
    String mechanism =
        "informers on "
            + (settings.podsOfNodeOnly() ? "pods of node " + settings.nodeName() : "all pods")
            + ", "
            + String.join(", ", informers.keySet().stream().skip(1).toList());
    String podFailure = failures.get("pods");
    if (!pods.hasSynced()) {
      return SourceStatus.unavailable(
          podFailure != null
              ? FAILED_PODS.formatted(podFailure, apiServer)
              : WAITING + " (" + apiServer + ")");
    }
    String problems =
        informers.entrySet().stream()
            .filter(e -> failures.containsKey(e.getKey()) || !e.getValue().hasSynced())
            .map(e -> e.getKey() + ": " + failures.getOrDefault(e.getKey(), "not listed yet"))
            .collect(Collectors.joining("; "));
    return problems.isEmpty()
        ? SourceStatus.enabled(mechanism)
        : SourceStatus.partial(mechanism, problems);
  }

  /** Stops the informers and waits briefly for their watches to end. */
  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
    for (SharedIndexInformer<? extends HasMetadata> informer : informers.values()) {
      try {
        informer.stopped().toCompletableFuture().get(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        // stopping is best effort; the informer's threads are daemons
      }
    }
  }

  /** The error's message, with its deepest cause's message when that says something else. */
  private static String describe(Throwable error) {
    Throwable root = error;
    for (int depth = 0; depth < 8 && root.getCause() != null; depth++) {
      root = root.getCause();
    }
    String message = error.getMessage() == null ? error.getClass().getName() : error.getMessage();
    String rootMessage = root.getMessage();
    return rootMessage == null || message.contains(rootMessage)
        ? message
        : message + " (" + rootMessage + ")";
  }
}
