package dev.tapio.api.context;

import java.util.List;
import java.util.Map;

/**
 * The container an event came from. Host processes carry {@link #HOST}.
 *
 * @param id the full container id, or {@code host}
 * @param name the runtime's container name
 * @param image the image reference as the container was created ({@code repo:tag} or digest)
 * @param imageRepository the image without tag or digest
 * @param imageTag the image tag, empty when the image is referenced by digest
 * @param imageDigest the image digest ({@code sha256:...}), empty when unknown
 * @param runtime {@code containerd}, {@code cri-o}, {@code docker}, {@code podman} or empty
 * @param privileged whether the container runs privileged
 * @param mounts its mounts
 * @param labels runtime labels
 * @param startTimeNanos creation time, epoch nanoseconds, 0 when unknown
 */
public record ContainerInfo(
    String id,
    String name,
    String image,
    String imageRepository,
    String imageTag,
    String imageDigest,
    String runtime,
    boolean privileged,
    List<Mount> mounts,
    Map<String, String> labels,
    long startTimeNanos) {

  public static final String HOST_ID = "host";

  /** The host: not a container. */
  public static final ContainerInfo HOST =
      new ContainerInfo(HOST_ID, "host", "", "", "", "", "", false, List.of(), Map.of(), 0);

  public ContainerInfo {
    mounts = List.copyOf(mounts);
    labels = Map.copyOf(labels);
  }

  public boolean isHost() {
    return HOST_ID.equals(id);
  }

  /** The short id (first 12 characters), as Falco's {@code container.id} shows it. */
  public String shortId() {
    return isHost() || id.length() <= 12 ? id : id.substring(0, 12);
  }

  /** One mount of a container. */
  public record Mount(String source, String destination, boolean readWrite, String propagation) {}
}
