package dev.tapio.app.metrics;

import dev.tapio.alerts.RateLimitingSink;
import dev.tapio.alerts.SinkStats;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.rules.CompiledRule;
import dev.tapio.sensors.SensorStats;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
    Supplier<List<CompiledRule>> rules) {}
