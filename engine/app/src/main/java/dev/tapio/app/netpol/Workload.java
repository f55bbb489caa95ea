package dev.tapio.app.netpol;

import dev.tapio.api.context.PodInfo;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pods one suggested policy is for: a namespace and the labels that select them, named after
 * their controller (the Deployment, StatefulSet, DaemonSet…) or, without one, the pod.
 *
 * @param selector the pods' labels without those that differ from pod to pod of one workload
 *     (template hashes, a StatefulSet pod's own name)
 */
public record Workload(String namespace, String name, Map<String, String> selector) {

  /** Labels the controllers set per pod or per revision: never part of a workload's selector. */
  static final Set<String> VOLATILE_LABELS =
      Set.of(
          "pod-template-hash",
          "controller-revision-hash",
          "pod-template-generation",
          "statefulset.kubernetes.io/pod-name",
          "apps.kubernetes.io/pod-index",
          "batch.kubernetes.io/controller-uid",
          "controller-uid",
          "batch.kubernetes.io/job-completion-index");

  public Workload {
    selector = Map.copyOf(new TreeMap<>(selector));
  }

  /** The workload of a pod as enrichment describes it (owners nearest first). */
  public static Workload of(PodInfo pod) {
    List<PodInfo.Owner> owners = pod.owners();
    String name = owners.isEmpty() ? pod.name() : owners.getLast().name();
    return new Workload(pod.namespace(), name, stable(pod.labels()));
  }

  /** The workload of a pod as the API serves it (its nearest owner, a ReplicaSet's hash cut). */
  public static Workload of(Pod pod) {
    var meta = pod.getMetadata();
    Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
    String name = meta.getName();
    List<OwnerReference> owners = meta.getOwnerReferences();
    if (owners != null && !owners.isEmpty()) {
      name = owners.getFirst().getName();
      String hash = labels.get("pod-template-hash");
      if ("ReplicaSet".equals(owners.getFirst().getKind())
          && hash != null
          && name.endsWith("-" + hash)) {
        name = name.substring(0, name.length() - hash.length() - 1);
      }
    }
    String namespace = meta.getNamespace() == null ? "default" : meta.getNamespace();
    return new Workload(namespace, name, stable(labels));
  }

  private static Map<String, String> stable(Map<String, String> labels) {
    Map<String, String> out = new TreeMap<>(labels);
    out.keySet().removeAll(VOLATILE_LABELS);
    return out;
  }
}
