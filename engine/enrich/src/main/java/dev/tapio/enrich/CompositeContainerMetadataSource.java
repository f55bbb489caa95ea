package dev.tapio.enrich;

import dev.tapio.api.spi.SourceStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

final class CompositeContainerMetadataSource implements ContainerMetadataSource {
  private final List<ContainerMetadataSource> sources;

  CompositeContainerMetadataSource(List<? extends ContainerMetadataSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public String name() {
    return sources.stream().map(ContainerMetadataSource::name).collect(Collectors.joining("+"));
  }

  @Override
  public @Nullable ContainerMetadata lookup(String containerId) {
    for (ContainerMetadataSource source : sources) {
      ContainerMetadata found = source.lookup(containerId);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Enabled when all are, unavailable when none is, else partial naming those that are not. */
  @Override
  public SourceStatus status() {
    return CompositeStatus.of(
        sources.stream().map(s -> new CompositeStatus.Named(s.name(), s.status())).toList());
  }

  @Override
  public void close() {
    sources.forEach(ContainerMetadataSource::close);
  }
}
