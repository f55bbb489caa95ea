package dev.tapio.app.metrics;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The engine's metric families as OpenTelemetry metrics, read from the same registry a {@code
 * /metrics} scrape reads: a Prometheus counter becomes a cumulative monotonic sum of the same name
 * (without the {@code _total} the text format adds), a gauge a gauge, an info family a gauge of 1
 * named with its {@code _info} suffix; labels become attributes. Every family is read at export
 * time, so both ways of collecting see the same numbers.
 */
public final class OtlpMetricBridge implements MetricProducer {
  private final Supplier<MetricSnapshots> snapshots;
  private final InstrumentationScopeInfo scope;
  private final long startEpochNanos;

  OtlpMetricBridge(Supplier<MetricSnapshots> snapshots, String version, long startEpochNanos) {
    this.snapshots = snapshots;
    this.scope = InstrumentationScopeInfo.builder("dev.tapio.metrics").setVersion(version).build();
    this.startEpochNanos = startEpochNanos;
  }

  @Override
  public Collection<MetricData> produce(Resource resource) {
    long now = nowNanos();
    List<MetricData> out = new ArrayList<>();
    for (MetricSnapshot snapshot : snapshots.get()) {
      String name = snapshot.getMetadata().getName();
      String help = Objects.requireNonNullElse(snapshot.getMetadata().getHelp(), "");
      Unit prometheusUnit = snapshot.getMetadata().getUnit();
      String unit = prometheusUnit == null ? "" : prometheusUnit.toString();
      List<DoublePointData> points = new ArrayList<>();
      switch (snapshot) {
        case CounterSnapshot counter -> {
          counter.getDataPoints().forEach(p -> points.add(point(p, now, p.getValue())));
          out.add(
              new Metric(
                  resource,
                  scope,
                  name,
                  help,
                  unit,
                  MetricDataType.DOUBLE_SUM,
                  SumData.createDoubleSumData(true, AggregationTemporality.CUMULATIVE, points)));
        }
        case GaugeSnapshot gauge -> {
          gauge.getDataPoints().forEach(p -> points.add(point(p, now, p.getValue())));
          out.add(gauge(resource, name, help, unit, points));
        }
        case InfoSnapshot info -> {
          info.getDataPoints().forEach(p -> points.add(point(p, now, 1)));
          out.add(gauge(resource, name + "_info", help, unit, points));
        }
        default -> {
          // histograms and summaries: the engine has none
        }
      }
    }
    return out;
  }

  private MetricData gauge(
      Resource resource, String name, String help, String unit, List<DoublePointData> points) {
    return new Metric(
        resource,
        scope,
        name,
        help,
        unit,
        MetricDataType.DOUBLE_GAUGE,
        GaugeData.createDoubleGaugeData(points));
  }

  private DoublePointData point(DataPointSnapshot p, long now, double value) {
    AttributesBuilder attributes = Attributes.builder();
    for (Label label : p.getLabels()) {
      attributes.put(AttributeKey.stringKey(label.getName()), label.getValue());
    }
    long start =
        p.hasCreatedTimestamp() ? p.getCreatedTimestampMillis() * 1_000_000L : startEpochNanos;
    return DoublePointData.create(start, now, attributes.build(), value, List.of());
  }

  static long nowNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  /** One family as OpenTelemetry metric data. */
  private record Metric(
      Resource resource,
      InstrumentationScopeInfo scope,
      String name,
      String description,
      String unit,
      MetricDataType type,
      Data<?> data)
      implements MetricData {
    @Override
    public Resource getResource() {
      return resource;
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return scope;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public String getDescription() {
      return description;
    }

    @Override
    public String getUnit() {
      return unit;
    }

    @Override
    public MetricDataType getType() {
      return type;
    }

    @Override
    public Data<?> getData() {
      return data;
    }
  }
}
