package dev.tapio.enrich.internal.cri;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.ImageReference;
import dev.tapio.api.context.PodInfo;
import dev.tapio.enrich.internal.cri.v1.ContainerStatus;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusResponse;
import dev.tapio.enrich.internal.cri.v1.Mount;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns CRI answers into Tapio's container and pod records. */
final class CriMetadata {
  static final String POD_NAME = "io.kubernetes.pod.name";
  static final String POD_NAMESPACE = "io.kubernetes.pod.namespace";
  static final String POD_UID = "io.kubernetes.pod.uid";
  private static final String KUBERNETES_PREFIX = "io.kubernetes.";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the verbose info map adds: the first process's pid, the sandbox, privileged. */
  record Extra(int pid, String sandboxId, boolean privileged) {}

  private CriMetadata() {}

  static ContainerInfo container(ContainerStatusResponse response, String runtime, Extra extra) {
    ContainerStatus status = response.getStatus();
    String image = status.getImage().getImage();
    if (image.startsWith("sha256:") && !status.getImage().getUserSpecifiedImage().isEmpty()) {
      image = status.getImage().getUserSpecifiedImage();
    }
    ImageReference ref = ImageReference.parse(image);
    String digest = ImageReference.repositoryDigestOf(status.getImageRef());
    return new ContainerInfo(
        status.getId(),
        status.getMetadata().getName(),
        image,
        ref.repository(),
        ref.tag(),
        digest.isEmpty() ? ref.digest() : digest,
        runtime,
        extra.privileged(),
        status.getMountsList().stream().map(CriMetadata::mount).toList(),
        status.getLabelsMap(),
        status.getCreatedAt());
  }

  /** A pod sandbox's pod: name, uid, namespace, and its labels without the runtime's own. */
  static PodInfo pod(PodSandboxStatus sandbox) {
    return new PodInfo(
        sandbox.getMetadata().getName(),
        sandbox.getMetadata().getUid(),
        sandbox.getMetadata().getNamespace(),
        withoutKubernetesKeys(sandbox.getLabelsMap()),
        withoutKubernetesKeys(sandbox.getAnnotationsMap()),
        Map.of(),
        List.of(),
        "",
        null);
  }

  /** The pod named by a container's {@code io.kubernetes.pod.*} labels, or null. */
  static @Nullable PodInfo podFromLabels(Map<String, String> labels) {
    String name = labels.get(POD_NAME);
    String namespace = labels.get(POD_NAMESPACE);
    if (name == null || namespace == null) {
      return null;
    }
    return new PodInfo(
        name,
        labels.getOrDefault(POD_UID, ""),
        namespace,
        Map.of(),
        Map.of(),
        Map.of(),
        List.of(),
        "",
        null);
  }

  /** Reads the verbose info map; containerd and CRI-O both put a JSON document under "info". */
  static Extra extra(Map<String, String> info) {
    String text = info.get("info");
    if (text == null) {
      return new Extra(0, "", false);
    }
    try {
      JsonNode node = JSON.readTree(text);
      boolean privileged =
          node.path("privileged").asBoolean(false)
              || node.path("config")
                  .path("linux")
                  .path("security_context")
                  .path("privileged")
                  .asBoolean(false);
      return new Extra(node.path("pid").asInt(0), node.path("sandboxID").asText(""), privileged);
    } catch (java.io.IOException | RuntimeException e) {
      return new Extra(0, "", false);
    }
  }

  private static ContainerInfo.Mount mount(Mount mount) {
    String propagation =
        switch (mount.getPropagation()) {
          case PROPAGATION_HOST_TO_CONTAINER -> "rslave";
          case PROPAGATION_BIDIRECTIONAL -> "rshared";
          default -> "private";
        };
    return new ContainerInfo.Mount(
        mount.getHostPath(), mount.getContainerPath(), !mount.getReadonly(), propagation);
  }

  private static Map<String, String> withoutKubernetesKeys(Map<String, String> map) {
    return map.entrySet().stream()
        .filter(e -> !e.getKey().startsWith(KUBERNETES_PREFIX))
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
