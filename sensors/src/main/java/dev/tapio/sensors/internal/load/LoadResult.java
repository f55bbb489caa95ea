package dev.tapio.sensors.internal.load;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.Mechanism;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What loading one sensor came to.
 *
 * @param status what the sensor reports
 * @param loaded the loaded object, when anything attached
 * @param links the attached programs, to close before {@code loaded}
 * @param chosen the mechanism each attached hook runs on
 * @param fallbacks why an attached hook is not on its best rung (a kernel function missing, a
 *     program refused, an attach failed; not a feature the probe refused, which the feature list
 *     says), by hook
 */
public record LoadResult(
    SourceStatus status,
    Backend.@Nullable Loaded loaded,
    List<AutoCloseable> links,
    Map<String, Mechanism> chosen,
    Map<String, String> fallbacks) {
  public LoadResult {
    links = List.copyOf(links);
    chosen = Map.copyOf(chosen);
    fallbacks = Map.copyOf(fallbacks);
  }

  public LoadResult(
      SourceStatus status,
      Backend.@Nullable Loaded loaded,
      List<AutoCloseable> links,
      Map<String, Mechanism> chosen) {
    this(status, loaded, links, chosen, Map.of());
  }

  static LoadResult unavailable(String why) {
    return new LoadResult(SourceStatus.unavailable(why), null, List.of(), Map.of());
  }
}
