package dev.tapio.api.context;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Kubernetes pod a container belongs to, with its namespace and workload.
 *
 * @param owners the owner chain from the pod upward (ReplicaSet then Deployment, Job then CronJob,
 *     ...), nearest first
 * @param namespaceLabels the labels of the pod's namespace
 * @param nodeName the node the pod runs on
 */
public record PodInfo(
    String name,
    String uid,
    String namespace,
    Map<String, String> labels,
    Map<String, String> annotations,
    Map<String, String> namespaceLabels,
    List<Owner> owners,
    String nodeName,
    @Nullable String ip) {

  public PodInfo {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
    namespaceLabels = Map.copyOf(namespaceLabels);
    owners = List.copyOf(owners);
  }

  /**
   * The top of the owner chain (the Deployment, CronJob, StatefulSet...), or null for a bare pod.
   */
  public @Nullable Owner workload() {
    return owners.isEmpty() ? null : owners.getLast();
  }

  /** The name of the nearest owner of {@code kind}, or null. */
  public @Nullable String ownerName(String kind) {
    for (Owner owner : owners) {
      if (owner.kind().equals(kind)) {
        return owner.name();
      }
    }
    return null;
  }

  /** One link of an owner chain. */
  public record Owner(String kind, String name, String uid) {}
}
