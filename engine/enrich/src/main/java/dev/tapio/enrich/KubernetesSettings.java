package dev.tapio.enrich;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the Kubernetes metadata source watches and keeps.
 *
 * @param nodeName this node's name (from the downward API), empty when unknown; names the node
 *     whose labels are read, and with {@code podsOfNodeOnly} the pods watched
 * @param podsOfNodeOnly watch only pods scheduled on {@code nodeName} (a {@code spec.nodeName}
 *     field selector); off watches every pod, for API servers (or test doubles) that do not support
 *     that selector
 * @param clusterName the cluster's name as configured (the API has none), empty when not set
 * @param podLabels which pod labels to keep; empty keeps all
 * @param podAnnotations which pod annotations to keep; empty keeps none
 * @param resync how often informers replay their cache to handlers; zero never
 */
public record KubernetesSettings(
    String nodeName,
    boolean podsOfNodeOnly,
    String clusterName,
    Set<String> podLabels,
    Set<String> podAnnotations,
    Duration resync) {

  public KubernetesSettings {
    Objects.requireNonNull(nodeName, "nodeName");
    Objects.requireNonNull(clusterName, "clusterName");
    podLabels = Set.copyOf(podLabels);
    podAnnotations = Set.copyOf(podAnnotations);
    if (podsOfNodeOnly && nodeName.isEmpty()) {
      throw new IllegalArgumentException("podsOfNodeOnly needs a nodeName");
    }
    if (resync.isNegative()) {
      throw new IllegalArgumentException("resync must not be negative, was " + resync);
    }
  }

  /** Pods of {@code nodeName} only, every label, no annotation, no resync. */
  public static KubernetesSettings forNode(String nodeName, String clusterName) {
    return new KubernetesSettings(nodeName, true, clusterName, Set.of(), Set.of(), Duration.ZERO);
  }

  public KubernetesSettings withPodsOfNodeOnly(boolean podsOfNodeOnly) {
    return new KubernetesSettings(
        nodeName, podsOfNodeOnly, clusterName, podLabels, podAnnotations, resync);
  }

  public KubernetesSettings withPodLabels(Set<String> keys) {
    return new KubernetesSettings(
        nodeName, podsOfNodeOnly, clusterName, keys, podAnnotations, resync);
  }

  public KubernetesSettings withPodAnnotations(Set<String> keys) {
    return new KubernetesSettings(nodeName, podsOfNodeOnly, clusterName, podLabels, keys, resync);
  }
}
