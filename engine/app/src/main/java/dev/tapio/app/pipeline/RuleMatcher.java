package dev.tapio.app.pipeline;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import java.util.List;

/** Matches one enriched event against the loaded rules. Called from the pipeline thread only. */
@FunctionalInterface
public interface RuleMatcher {
  List<Alert> match(EnrichedEvent event);

  /** Matches nothing: for {@code --print-events} and for runs without rules. */
  static RuleMatcher none() {
    return e -> List.of();
  }
}
