package dev.tapio.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The registry's families as OpenTelemetry metrics, with the values a scrape would show. */
class OtlpMetricBridgeTest {

  @Test
  void countersBecomeCumulativeSumsGaugesGaugesAndInfoAGaugeOfOne() {
    PrometheusRegistry registry = new PrometheusRegistry();
    Counter alerts =
        Counter.builder()
            .name("tapio_alerts")
            .help("Alerts.")
            .labelNames("rule", "priority")
            .register(registry);
    alerts.labelValues("Read sensitive file", "WARNING").inc(3);
    AtomicLong depth = new AtomicLong(7);
    GaugeWithCallback.builder()
        .name("tapio_pipeline_queue_depth")
        .help("Queued events.")
        .callback(cb -> cb.call(depth.get()))
        .register(registry);
    Info.builder()
        .name("tapio_build_info")
        .help("This build.")
        .labelNames("version")
        .register(registry)
        .setLabelValues("1.2.3");
    OtlpMetricBridge bridge = new OtlpMetricBridge(registry::scrape, "1.2.3", 1_000L);

    Map<String, MetricData> byName = produce(bridge);

    MetricData sum = byName.get("tapio_alerts");
    assertThat(sum.getType()).isEqualTo(MetricDataType.DOUBLE_SUM);
    assertThat(sum.getDoubleSumData().isMonotonic()).isTrue();
    assertThat(sum.getDoubleSumData().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.CUMULATIVE);
    DoublePointData point = sum.getDoubleSumData().getPoints().iterator().next();
    assertThat(point.getValue()).isEqualTo(3.0);
    assertThat(point.getAttributes().get(AttributeKey.stringKey("rule")))
        .isEqualTo("Read sensitive file");
    assertThat(point.getAttributes().get(AttributeKey.stringKey("priority"))).isEqualTo("WARNING");
    assertThat(point.getStartEpochNanos()).isLessThan(point.getEpochNanos());
    assertThat(sum.getDescription()).isEqualTo("Alerts.");
    assertThat(sum.getInstrumentationScopeInfo().getName()).isEqualTo("dev.tapio.metrics");

    MetricData gauge = byName.get("tapio_pipeline_queue_depth");
    assertThat(gauge.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
    assertThat(gauge.getDoubleGaugeData().getPoints().iterator().next().getValue()).isEqualTo(7.0);

    MetricData info = byName.get("tapio_build_info");
    assertThat(info.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
    DoublePointData one = info.getDoubleGaugeData().getPoints().iterator().next();
    assertThat(one.getValue()).isEqualTo(1.0);
    assertThat(one.getAttributes().get(AttributeKey.stringKey("version"))).isEqualTo("1.2.3");
  }

  @Test
  void eachExportReadsTheValuesOfThatMoment() {
    PrometheusRegistry registry = new PrometheusRegistry();
    AtomicLong depth = new AtomicLong(1);
    GaugeWithCallback.builder()
        .name("tapio_depth")
        .help("Depth.")
        .callback(cb -> cb.call(depth.get()))
        .register(registry);
    OtlpMetricBridge bridge = new OtlpMetricBridge(registry::scrape, "v", 0L);

    double first = value(produce(bridge).get("tapio_depth"));
    depth.set(42);
    double second = value(produce(bridge).get("tapio_depth"));

    assertThat(first).isEqualTo(1.0);
    assertThat(second).isEqualTo(42.0);
  }

  private static double value(MetricData gauge) {
    return gauge.getDoubleGaugeData().getPoints().iterator().next().getValue();
  }

  private static Map<String, MetricData> produce(OtlpMetricBridge bridge) {
    return bridge.produce(Resource.getDefault()).stream()
        .collect(Collectors.toMap(MetricData::getName, Function.identity()));
  }
}
