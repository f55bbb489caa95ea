package dev.tapio.enrich;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import org.jspecify.annotations.Nullable;

final class NoopPodMetadataSource implements PodMetadataSource {
  static final NoopPodMetadataSource INSTANCE = new NoopPodMetadataSource();

  static final String STATUS = "no Kubernetes API configured";

  private NoopPodMetadataSource() {}

  @Override
  public String name() {
    return "none";
  }

  @Override
  public @Nullable PodInfo lookup(String uid, String namespace, String name) {
    return null;
  }

  @Override
  public SourceStatus status() {
    return SourceStatus.unavailable(STATUS);
  }
}
