package dev.tapio.app.pipeline;

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
 */
public record PipelineStats(
    long received, long droppedQueueFull, long processed, long failed, long alerts, long late) {

  /** The counters of {@code pipeline}, all zero before it exists. */
  public static PipelineStats of(@Nullable Pipeline pipeline) {
    return pipeline == null ? new PipelineStats(0, 0, 0, 0, 0, 0) : pipeline.stats();
  }
}
