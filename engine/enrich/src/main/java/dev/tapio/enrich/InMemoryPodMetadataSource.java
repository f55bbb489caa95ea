package dev.tapio.enrich;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Pods put in by hand, for tests and replays. Thread-safe. */
public final class InMemoryPodMetadataSource implements PodMetadataSource {
  private final Map<String, PodInfo> byUid = new ConcurrentHashMap<>();
  private final Map<String, PodInfo> byName = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "memory";
  }

  public InMemoryPodMetadataSource put(PodInfo pod) {
    byUid.put(pod.uid(), pod);
    byName.put(pod.namespace() + "/" + pod.name(), pod);
    return this;
  }

  @Override
  public @Nullable PodInfo lookup(String uid, String namespace, String name) {
    PodInfo pod = uid.isEmpty() ? null : byUid.get(uid);
    return pod != null ? pod : byName.get(namespace + "/" + name);
  }

  @Override
  public SourceStatus status() {
    return SourceStatus.enabled("memory");
  }
}
