package dev.tapio.enrich;

import dev.tapio.api.context.PodInfo;
import dev.tapio.enrich.internal.kube.KubernetesMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where pod details come from: the Kubernetes API through informers, or a fixed set in tests.
 * {@link #lookup} is called on the event path and never blocks.
 */
public interface PodMetadataSource extends MetadataSource {

  /**
   * The pod with {@code uid}, or when the uid is empty or unknown, the pod {@code namespace/name};
   * null when neither is known.
   */
  @Nullable PodInfo lookup(String uid, String namespace, String name);

  /** Knows no pod. */
  static PodMetadataSource noop() {
    return NoopPodMetadataSource.INSTANCE;
  }

  /** Asks each source in order; the first that knows a pod answers. */
  static PodMetadataSource composite(List<? extends PodMetadataSource> sources) {
    return CompositeSource.ofPods(sources);
  }

  /**
   * Watches pods, namespaces, workloads and this node through {@code client} with informers;
   * lookups answer from their caches. The caller keeps ownership of the client. An API server that
   * cannot be reached or refuses a watch degrades the source (see {@link #status()}), never the
   * caller.
   */
  static KubernetesPodSource kubernetes(KubernetesClient client, KubernetesSettings settings) {
    return KubernetesMetadata.start(client, settings);
  }
}
