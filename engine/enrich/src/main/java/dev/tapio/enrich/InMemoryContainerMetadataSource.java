package dev.tapio.enrich;

import dev.tapio.api.spi.SourceStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Containers put in by hand, for tests and replays. Thread-safe. */
public final class InMemoryContainerMetadataSource implements ContainerMetadataSource {
  private final Map<String, ContainerMetadata> containers = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "memory";
  }

  public InMemoryContainerMetadataSource put(ContainerMetadata metadata) {
    containers.put(metadata.container().id(), metadata);
    return this;
  }

  public void remove(String containerId) {
    containers.remove(containerId);
  }

  @Override
  public @Nullable ContainerMetadata lookup(String containerId) {
    return containers.get(containerId);
  }

  @Override
  public SourceStatus status() {
    return SourceStatus.enabled("memory");
  }
}
