package dev.tapio.enrich.internal;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.PodInfo;
import dev.tapio.enrich.ContainerMetadata;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.PodMetadataSource;
import dev.tapio.enrich.internal.cgroup.CgroupResolver;
import dev.tapio.enrich.internal.cgroup.ContainerRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The container and pod of an event's task: cgroup id to container id, then the runtime's and
 * Kubernetes' metadata, each answered from caches. A container whose metadata is not known yet
 * resolves to its id (and the runtime its cgroup path names) with empty name and image.
 */
public final class ContainerContexts {

  /**
   * A container and its pod.
   *
   * @param complete whether the runtime's metadata was known; false means only the id is
   */
  public record Context(ContainerInfo container, @Nullable PodInfo pod, boolean complete) {}

  private static final Context HOST = new Context(ContainerInfo.HOST, null, true);
  private static final int MAX_PARTIAL = 4096;

  private final CgroupResolver cgroups;
  private final ContainerMetadataSource containers;
  private final PodMetadataSource pods;
  private final Map<String, ContainerInfo> partial = new ConcurrentHashMap<>();

  public ContainerContexts(
      CgroupResolver cgroups, ContainerMetadataSource containers, PodMetadataSource pods) {
    this.cgroups = cgroups;
    this.containers = containers;
    this.pods = pods;
  }

  public Context resolve(long cgroupId, int pid) {
    ContainerRef ref = cgroups.resolve(cgroupId, pid);
    if (ref.isHost()) {
      return HOST;
    }
    ContainerMetadata metadata = containers.lookup(ref.id());
    ContainerInfo container = metadata != null ? metadata.container() : partial(ref);
    PodInfo runtimePod = metadata == null ? null : metadata.pod();
    String uid =
        !ref.podUid().isEmpty() ? ref.podUid() : runtimePod == null ? "" : runtimePod.uid();
    PodInfo pod = null;
    if (!uid.isEmpty() || runtimePod != null) {
      pod =
          pods.lookup(
              uid,
              runtimePod == null ? "" : runtimePod.namespace(),
              runtimePod == null ? "" : runtimePod.name());
    }
    return new Context(container, pod != null ? pod : runtimePod, metadata != null);
  }

  private ContainerInfo partial(ContainerRef ref) {
    ContainerInfo known = partial.get(ref.id());
    if (known != null) {
      return known;
    }
    ContainerInfo info =
        new ContainerInfo(
            ref.id(), "", "", "", "", "", ref.runtime(), false, List.of(), Map.of(), 0);
    if (partial.size() >= MAX_PARTIAL) {
      partial.clear(); // ids of containers long gone; the live ones come back on their next event
    }
    partial.put(ref.id(), info);
    return info;
  }
}
