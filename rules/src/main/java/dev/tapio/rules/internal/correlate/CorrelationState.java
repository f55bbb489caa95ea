package dev.tapio.rules.internal.correlate;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledCorrelation;
import dev.tapio.rules.Match;
import java.util.List;

/**
 * One correlation's state in a matching session and how events move it, in event time: a Drools
 * stream session ({@link CorrelationSession}) or a plain state machine ({@link StateMachine}), as
 * {@link CompiledCorrelation.Evaluator} chooses.
 */
sealed interface CorrelationState extends AutoCloseable permits CorrelationSession, StateMachine {

  CompiledCorrelation correlation();

  /**
   * Moves event time to {@code now}: what ran out leaves, an absence that ended unanswered fires.
   */
  void advance(long now, List<Match> out);

  /** Steps {@code matched} (a bit per step) matched {@code event} at {@code now}. */
  void onMatch(EnrichedEvent event, long now, long matched, List<Match> out);

  /** Keys held, evictions, expired windows. */
  CompiledCorrelation.Stats stats();

  @Override
  void close();
}
