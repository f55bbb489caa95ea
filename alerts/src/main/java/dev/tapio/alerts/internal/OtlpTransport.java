package dev.tapio.alerts.internal;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Hands batches to an OpenTelemetry log exporter and waits for its verdict. The exporter's own
 * retries are off: {@link DeliveryQueue} retries, so a failed batch is never silently discarded.
 */
public final class OtlpTransport implements Transport<LogEntry> {
  static final String EXPORT_FAILED = "OTLP export failed";
  static final String EXPORT_TIMED_OUT = "OTLP export did not finish within %d ms";

  private final LogRecordExporter exporter;
  private final Resource resource;
  private final InstrumentationScopeInfo scope;
  private final long waitMillis;

  public OtlpTransport(
      LogRecordExporter exporter,
      Resource resource,
      InstrumentationScopeInfo scope,
      Duration exportTimeout) {
    this.exporter = exporter;
    this.resource = resource;
    this.scope = scope;
    this.waitMillis = exportTimeout.toMillis() + 1000;
  }

  @Override
  public void deliver(List<LogEntry> batch) throws Exception {
    List<LogRecordData> records = new ArrayList<>(batch.size());
    for (LogEntry entry : batch) {
      records.add(new EntryLogRecordData(entry, resource, scope));
    }
    CompletableResultCode result = exporter.export(records).join(waitMillis, TimeUnit.MILLISECONDS);
    if (!result.isDone()) {
      throw new java.util.concurrent.TimeoutException(EXPORT_TIMED_OUT.formatted(waitMillis));
    }
    if (!result.isSuccess()) {
      Throwable cause = result.getFailureThrowable();
      throw new java.io.IOException(EXPORT_FAILED, cause);
    }
  }

  @Override
  public void close() {
    exporter.shutdown().join(waitMillis, TimeUnit.MILLISECONDS);
  }
}
