package dev.tapio.enrich;

import dev.tapio.api.spi.SourceStatus;
import java.util.List;
import java.util.stream.Collectors;

/** Folds the statuses of several sources into one. */
final class CompositeStatus {
  record Named(String name, SourceStatus status) {}

  private CompositeStatus() {}

  static SourceStatus of(List<Named> parts) {
    if (parts.isEmpty()) {
      return SourceStatus.unavailable("no source configured");
    }
    List<Named> up =
        parts.stream().filter(p -> p.status().state() != SourceStatus.State.UNAVAILABLE).toList();
    String mechanisms =
        up.stream().map(p -> p.status().mechanism()).collect(Collectors.joining(", "));
    String problems =
        parts.stream()
            .filter(p -> p.status().state() != SourceStatus.State.ENABLED)
            .map(p -> p.name() + ": " + p.status().reason())
            .collect(Collectors.joining("; "));
    if (up.isEmpty()) {
      return SourceStatus.unavailable(problems);
    }
    return problems.isEmpty()
        ? SourceStatus.enabled(mechanisms)
        : SourceStatus.partial(mechanisms, problems);
  }
}
