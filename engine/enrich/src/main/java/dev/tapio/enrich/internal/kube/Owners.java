package dev.tapio.enrich.internal.kube;

import dev.tapio.api.context.PodInfo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Walks owner references upward: Pod → ReplicaSet → Deployment, Pod → Job → CronJob, Pod →
 * StatefulSet or DaemonSet. A kind whose objects are watched is looked up to continue the chain;
 * any other kind ends it.
 */
final class Owners {
  private static final int MAX_DEPTH = 4;

  private Owners() {}

  /**
   * @param find looks up a watched object by kind and {@code namespace/name}, null when not watched
   *     or not known
   */
  static List<PodInfo.Owner> chain(
      HasMetadata pod, BiFunction<String, String, @Nullable HasMetadata> find) {
    List<PodInfo.Owner> owners = new ArrayList<>(2);
    HasMetadata current = pod;
    String namespace = pod.getMetadata().getNamespace();
    while (current != null && owners.size() < MAX_DEPTH) {
      OwnerReference owner = controller(current.getMetadata().getOwnerReferences());
      if (owner == null) {
        break;
      }
      owners.add(new PodInfo.Owner(owner.getKind(), owner.getName(), nullToEmpty(owner.getUid())));
      current = find.apply(owner.getKind(), namespace + "/" + owner.getName());
    }
    return owners;
  }

  /** The controlling owner, else the first one. */
  private static @Nullable OwnerReference controller(@Nullable List<OwnerReference> owners) {
    if (owners == null || owners.isEmpty()) {
      return null;
    }
    for (OwnerReference owner : owners) {
      if (Boolean.TRUE.equals(owner.getController())) {
        return owner;
      }
    }
    return owners.getFirst();
  }

  static String nullToEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  static Map<String, String> orEmpty(@Nullable Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
