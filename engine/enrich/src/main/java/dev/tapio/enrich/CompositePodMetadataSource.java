package dev.tapio.enrich;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

final class CompositePodMetadataSource implements PodMetadataSource {
  private final List<PodMetadataSource> sources;

  CompositePodMetadataSource(List<? extends PodMetadataSource> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public String name() {
    return sources.stream().map(PodMetadataSource::name).collect(Collectors.joining("+"));
  }

  @Override
  public @Nullable PodInfo lookup(String uid, String namespace, String name) {
    for (PodMetadataSource source : sources) {
      PodInfo found = source.lookup(uid, namespace, name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Override
  public SourceStatus status() {
    return CompositeStatus.of(
        sources.stream().map(s -> new CompositeStatus.Named(s.name(), s.status())).toList());
  }

  @Override
  public void close() {
    sources.forEach(PodMetadataSource::close);
  }
}
