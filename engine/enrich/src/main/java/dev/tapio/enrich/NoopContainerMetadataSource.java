package dev.tapio.enrich;

import dev.tapio.api.spi.SourceStatus;
import org.jspecify.annotations.Nullable;

final class NoopContainerMetadataSource implements ContainerMetadataSource {
  static final NoopContainerMetadataSource INSTANCE = new NoopContainerMetadataSource();

  static final String STATUS = "no container runtime configured";

  private NoopContainerMetadataSource() {}

  @Override
  public String name() {
    return "none";
  }

  @Override
  public @Nullable ContainerMetadata lookup(String containerId) {
    return null;
  }

  @Override
  public SourceStatus status() {
    return SourceStatus.unavailable(STATUS);
  }
}
