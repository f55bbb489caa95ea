package dev.tapio.app;

import dev.tapio.enrich.KubernetesSettings;
import dev.tapio.enrich.PodMetadataSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to the Kubernetes API when Tapio runs in a cluster (the in-cluster service account, or a
 * kubeconfig named by KUBECONFIG). The node comes from TAPIO_NODE_NAME (the Helm chart sets it from
 * the downward API), the cluster's name from TAPIO_CLUSTER_NAME.
 */
final class KubernetesAccess {
  private static final Logger log = LoggerFactory.getLogger(KubernetesAccess.class);

  private KubernetesAccess() {}

  static Optional<PodMetadataSource> podSource(Map<String, String> env) {
    boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST");
    if (!inCluster && !env.containsKey("KUBECONFIG")) {
      return Optional.empty();
    }
    String node = env.getOrDefault("TAPIO_NODE_NAME", "");
    if (node.isBlank()) {
      log.warn("Kubernetes found but TAPIO_NODE_NAME is not set: pod metadata is off");
      return Optional.empty();
    }
    KubernetesClient client = new KubernetesClientBuilder().build();
    return Optional.of(
        PodMetadataSource.kubernetes(
            client, KubernetesSettings.forNode(node, env.getOrDefault("TAPIO_CLUSTER_NAME", ""))));
  }
}
