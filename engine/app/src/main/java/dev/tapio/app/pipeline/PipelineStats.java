package dev.tapio.app.pipeline;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Counters of the event path, as the status line and the metrics report them.
 *
 * @param received events handed over by the sources
 * @param droppedQueueFull events dropped because the pipeline fell behind (never silent)
 * @param processed events enriched and matched
 * @param failed events whose enrichment or matching threw (logged, counted, skipped)
 * @param alerts alerts produced
 * @param late events read later than the reorder delay: older than an event already processed. They
 *     are still enriched as of their own time, but correlation rules see them out of order
 * @param execWaits events that arrived before the exec of the program that made them and waited for
 *     it, so that they name that program ({@link ExecWait})
 * @param execWaitsTimedOut of those, events whose exec did not come within {@link
 *     ExecWait#WAIT_NANOS} (its record lost): they name the process as procfs showed it then
 * @param execWaitsRefused events that should have waited but did not, {@link ExecWait#MAX_HELD}
 *     waiting already: they name the program before the exec
 * @param sampled events sampled away while the pipeline was behind, per {@link SampledKind#label()}
 *     (every kind present, 0 when none)
 * @param keepOneIn N of "keep 1 in N" per {@link SampledKind#label()} now (1: not sampled)
 */
public record PipelineStats(
    long received,
    long droppedQueueFull,
    long processed,
    long failed,
    long alerts,
    long late,
    long execWaits,
    long execWaitsTimedOut,
    long execWaitsRefused,
    Map<String, Long> sampled,
    Map<String, Integer> keepOneIn) {

  public PipelineStats {
    sampled = Map.copyOf(sampled);
    keepOneIn = Map.copyOf(keepOneIn);
  }

  /** Counters of a pipeline that never sampled. */
  public PipelineStats(
      long received, long droppedQueueFull, long processed, long failed, long alerts, long late) {
    this(received, droppedQueueFull, processed, failed, alerts, late, 0, 0, 0, Map.of(), Map.of());
  }

  /** Events sampled away, all kinds together. */
  public long sampledTotal() {
    return sampled.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The counters of {@code pipeline}, all zero before it exists. */
  public static PipelineStats of(@Nullable Pipeline pipeline) {
    return pipeline == null ? new PipelineStats(0, 0, 0, 0, 0, 0) : pipeline.stats();
  }
}
