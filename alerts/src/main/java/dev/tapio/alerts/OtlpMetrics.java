package dev.tapio.alerts;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The engine's metrics pushed to an OTLP receiver at a fixed interval, read from a {@link
 * MetricProducer} at each export (cumulative counters and gauges, as a Prometheus scrape would see
 * them), with the alerts' resource. A failed export is retried at the next interval with the
 * then-current values: counters are cumulative, so nothing is lost but resolution.
 */
public final class OtlpMetrics implements AutoCloseable {
  private final SdkMeterProvider provider;
  private final String endpoint;
  private final Duration interval;
  private final Duration timeout;

  private OtlpMetrics(
      SdkMeterProvider provider, String endpoint, Duration interval, Duration timeout) {
    this.provider = provider;
    this.endpoint = endpoint;
    this.interval = interval;
    this.timeout = timeout;
  }

  static OtlpMetrics start(
      MetricExporter exporter,
      MetricProducer producer,
      Resource resource,
      Duration interval,
      String endpoint,
      Duration timeout) {
    SdkMeterProvider provider =
        SdkMeterProvider.builder()
            .setResource(resource)
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(interval).build())
            .registerMetricProducer(producer)
            .build();
    return new OtlpMetrics(provider, endpoint, interval, timeout);
  }

  /** Where the metrics go. */
  public String endpoint() {
    return endpoint;
  }

  public Duration interval() {
    return interval;
  }

  /** Exports the current values now, waiting at most the export timeout; whether it succeeded. */
  public boolean flush() {
    CompletableResultCode result =
        provider.forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return result.isSuccess();
  }

  /** Exports the last values and stops, waiting at most the export timeout. */
  @Override
  public void close() {
    provider.shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
