package dev.tapio.enrich.internal.kube;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.ImageReference;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Container details as the pod's status reports them ({@code containerID: containerd://<id>}), for
 * nodes where the runtime's socket cannot be reached: name, image, digest, runtime, privileged and
 * start time, with the labels kubelet gives the container in the runtime.
 */
final class PodContainers {
  private PodContainers() {}

  /** The full ids of every container of {@code pod} (init and ephemeral ones included). */
  static List<String> ids(Pod pod) {
    List<String> ids = new ArrayList<>();
    statuses(pod)
        .forEach(
            status -> {
              String id = id(status.getContainerID());
              if (!id.isEmpty()) {
                ids.add(id);
              }
            });
    return ids;
  }

  /** The container {@code containerId} of {@code pod}, or null when the pod has none such. */
  static @Nullable ContainerInfo container(Pod pod, String containerId) {
    ContainerStatus status =
        statuses(pod)
            .filter(s -> id(s.getContainerID()).equals(containerId))
            .findFirst()
            .orElse(null);
    if (status == null) {
      return null;
    }
    String image = Owners.nullToEmpty(status.getImage());
    ImageReference ref = ImageReference.parse(image);
    String digest = ImageReference.repositoryDigestOf(Owners.nullToEmpty(status.getImageID()));
    String scheme = Owners.nullToEmpty(status.getContainerID());
    int separator = scheme.indexOf("://");
    var meta = pod.getMetadata();
    return new ContainerInfo(
        containerId,
        status.getName(),
        image,
        ref.repository(),
        ref.tag(),
        digest.isEmpty() ? ref.digest() : digest,
        separator < 0 ? "" : scheme.substring(0, separator),
        privileged(pod, status.getName()),
        List.of(),
        Map.of(
            "io.kubernetes.pod.name", meta.getName(),
            "io.kubernetes.pod.namespace", meta.getNamespace(),
            "io.kubernetes.pod.uid", Owners.nullToEmpty(meta.getUid()),
            "io.kubernetes.container.name", status.getName()),
        startedAt(status));
  }

  private static Stream<ContainerStatus> statuses(Pod pod) {
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    return Stream.of(
            pod.getStatus().getContainerStatuses(),
            pod.getStatus().getInitContainerStatuses(),
            pod.getStatus().getEphemeralContainerStatuses())
        .filter(list -> list != null)
        .flatMap(List::stream);
  }

  private static String id(@Nullable String containerId) {
    if (containerId == null) {
      return "";
    }
    int separator = containerId.indexOf("://");
    return separator < 0 ? containerId : containerId.substring(separator + 3);
  }

  private static boolean privileged(Pod pod, String name) {
    if (pod.getSpec() == null) {
      return false;
    }
    return Stream.of(pod.getSpec().getContainers(), pod.getSpec().getInitContainers())
        .filter(list -> list != null)
        .flatMap(List::stream)
        .filter(c -> name.equals(c.getName()))
        .map(Container::getSecurityContext)
        .anyMatch(context -> context != null && Boolean.TRUE.equals(context.getPrivileged()));
  }

  private static long startedAt(ContainerStatus status) {
    if (status.getState() == null || status.getState().getRunning() == null) {
      return 0;
    }
    String started = status.getState().getRunning().getStartedAt();
    try {
      Instant at = started == null ? null : Instant.parse(started);
      return at == null ? 0 : at.getEpochSecond() * 1_000_000_000L + at.getNano();
    } catch (DateTimeParseException e) {
      return 0;
    }
  }
}
