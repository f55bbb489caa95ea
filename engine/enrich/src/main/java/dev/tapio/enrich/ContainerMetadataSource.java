package dev.tapio.enrich;

import dev.tapio.enrich.internal.cri.CriMetadataSource;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where container details come from: a container runtime through CRI, or a fixed set in tests.
 * {@link #lookup} is called on the event path and never blocks: it answers from what is known and,
 * for a container seen for the first time, starts an asynchronous lookup whose result later calls
 * see.
 */
public interface ContainerMetadataSource extends MetadataSource {

  /**
   * The metadata of container {@code containerId} (the full 64-hex id) if known now; null while a
   * lookup runs or when the runtime does not know the container.
   */
  @Nullable ContainerMetadata lookup(String containerId);

  /** Knows no container. */
  static ContainerMetadataSource noop() {
    return NoopContainerMetadataSource.INSTANCE;
  }

  /** Asks each source in order; the first that knows a container answers. */
  static ContainerMetadataSource composite(List<? extends ContainerMetadataSource> sources) {
    return CompositeSource.ofContainers(sources);
  }

  /**
   * Asks the container runtime over CRI, caching answers; the runtime is found with {@code
   * settings}. Lookups never wait for the runtime.
   */
  static ContainerMetadataSource cri(CriSettings settings) {
    return CriMetadataSource.start(settings);
  }
}
