package dev.tapio.app.pipeline;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.Match;
import java.util.List;

/**
 * Matches one enriched event against the loaded rules: which rules match, nothing rendered yet.
 * Called from the pipeline thread only.
 */
@FunctionalInterface
public interface RuleMatcher {
  List<Match> match(EnrichedEvent event);

  /** Matches nothing: for {@code --print-events} and for runs without rules. */
  static RuleMatcher none() {
    return e -> List.of();
  }
}
