package dev.tapio.enrich;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Several sources asked in order: the first that knows answers. Named after its parts ({@code
 * cri+kubernetes}); enabled when all are, unavailable when none is, else partial naming those that
 * are not; closing it closes them all.
 */
abstract sealed class CompositeSource<S extends MetadataSource> implements MetadataSource {
  private final List<S> sources;

  private CompositeSource(List<? extends S> sources) {
    this.sources = List.copyOf(sources);
  }

  static ContainerMetadataSource ofContainers(List<? extends ContainerMetadataSource> sources) {
    return new Containers(sources);
  }

  static PodMetadataSource ofPods(List<? extends PodMetadataSource> sources) {
    return new Pods(sources);
  }

  /** The first non-null answer of {@code lookup}, asking the sources in order. */
  final <R> @Nullable R first(Function<S, @Nullable R> lookup) {
    for (S source : sources) {
      R found = lookup.apply(source);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  @Override
  public final String name() {
    return sources.stream().map(MetadataSource::name).collect(Collectors.joining("+"));
  }

  @Override
  public final SourceStatus status() {
    if (sources.isEmpty()) {
      return SourceStatus.unavailable("no source configured");
    }
    List<S> up =
        sources.stream().filter(s -> s.status().state() != SourceStatus.State.UNAVAILABLE).toList();
    String mechanisms =
        up.stream().map(s -> s.status().mechanism()).collect(Collectors.joining(", "));
    String problems =
        sources.stream()
            .filter(s -> s.status().state() != SourceStatus.State.ENABLED)
            .map(s -> s.name() + ": " + s.status().reason())
            .collect(Collectors.joining("; "));
    if (up.isEmpty()) {
      return SourceStatus.unavailable(problems);
    }
    return problems.isEmpty()
        ? SourceStatus.enabled(mechanisms)
        : SourceStatus.partial(mechanisms, problems);
  }

  @Override
  public final void close() {
    sources.forEach(MetadataSource::close);
  }

  private static final class Containers extends CompositeSource<ContainerMetadataSource>
      implements ContainerMetadataSource {
    Containers(List<? extends ContainerMetadataSource> sources) {
      super(sources);
    }

    @Override
    public @Nullable ContainerMetadata lookup(String containerId) {
      return first(s -> s.lookup(containerId));
    }
  }

  private static final class Pods extends CompositeSource<PodMetadataSource>
      implements PodMetadataSource {
    Pods(List<? extends PodMetadataSource> sources) {
      super(sources);
    }

    @Override
    public @Nullable PodInfo lookup(String uid, String namespace, String name) {
      return first(s -> s.lookup(uid, namespace, name));
    }
  }
}
