package dev.tapio.app.metrics;

import dev.tapio.alerts.RateLimitingSink;
import dev.tapio.alerts.SinkStats;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.app.outputs.AlertOutputs;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.enrich.EnrichMetrics;
import dev.tapio.enrich.Enricher;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.sensors.SensorSet;
import dev.tapio.sensors.SensorStats;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Where the metrics read their values at scrape time; each supplier answers with what exists now
 * (empty before its stage has started).
 */
public record MetricSources(
    Supplier<PipelineStats> pipeline,
    Supplier<List<SensorStats>> sensors,
    Supplier<Map<String, SourceStatus>> sensorStatuses,
    Supplier<List<SinkStats>> sinks,
    Supplier<RateLimitingSink.Stats> rateLimit,
    Supplier<Map<String, Long>> spoolBytes,
    Supplier<List<CompiledRule>> rules,
    Supplier<EnrichMetrics> enrichment) {

  private static final EnrichMetrics NO_ENRICHMENT = new EnrichMetrics(0, 0, 0, 0, 0);

  /** The sources of an engine whose stages each supplier answers with, null before it starts. */
  public static MetricSources of(
      Supplier<@Nullable Pipeline> pipeline,
      Supplier<@Nullable SensorSet> sensors,
      Supplier<@Nullable AlertOutputs> outputs,
      Supplier<@Nullable CompiledRuleSet> rules,
      Supplier<@Nullable Enricher> enricher) {
    return new MetricSources(
        () -> PipelineStats.of(pipeline.get()),
        () -> sensors.get() instanceof SensorSet s ? s.stats() : List.of(),
        () -> sensors.get() instanceof SensorSet s ? s.statuses() : Map.of(),
        () -> outputs.get() instanceof AlertOutputs o ? o.stats() : List.of(),
        () ->
            outputs.get() instanceof AlertOutputs o
                ? o.rateLimitStats()
                : new RateLimitingSink.Stats(0, 0, 0),
        () -> outputs.get() instanceof AlertOutputs o ? o.spoolBytes() : Map.of(),
        () -> rules.get() instanceof CompiledRuleSet r ? r.rules() : List.of(),
        () -> enricher.get() instanceof Enricher e ? e.metrics() : NO_ENRICHMENT);
  }
}
