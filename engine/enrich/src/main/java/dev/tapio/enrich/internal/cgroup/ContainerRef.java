package dev.tapio.enrich.internal.cgroup;

import dev.tapio.api.context.ContainerInfo;

/**
 * What a cgroup path says about the container it belongs to.
 *
 * @param id the full container id, or {@link ContainerInfo#HOST_ID}
 * @param runtime the runtime the path shape names ({@code containerd}, {@code cri-o}, {@code
 *     docker}, {@code podman}), empty when the shape is shared by several
 * @param podUid the Kubernetes pod uid when the path sits under a pod cgroup, else empty
 */
public record ContainerRef(String id, String runtime, String podUid) {

  public static final ContainerRef HOST = new ContainerRef(ContainerInfo.HOST_ID, "", "");

  public boolean isHost() {
    return ContainerInfo.HOST_ID.equals(id);
  }
}
