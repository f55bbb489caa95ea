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
 */
public record LoadResult(
    SourceStatus status,
    Backend.@Nullable Loaded loaded,
    List<AutoCloseable> links,
    Map<String, Mechanism> chosen) {
  public LoadResult {
    links = List.copyOf(links);
    chosen = Map.copyOf(chosen);
  }

  static LoadResult unavailable(String why) {
    return new LoadResult(SourceStatus.unavailable(why), null, List.of(), Map.of());
  }
}
