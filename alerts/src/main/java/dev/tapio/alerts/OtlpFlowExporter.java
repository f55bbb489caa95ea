package dev.tapio.alerts;

import dev.tapio.alerts.internal.FlowMapper;
import dev.tapio.alerts.internal.LogEntry;
import dev.tapio.alerts.internal.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exports flow telemetry as OTLP log records to the alerts' receiver, with the alerts' endpoint,
 * headers, TLS and resource ({@link OtlpLogSink.Builder#buildFlowExporter}): one record with event
 * name {@value OtlpFlowAttributes#FLOW_EVENT_NAME} per flow and interval, then one {@value
 * OtlpFlowAttributes#TABLE_EVENT_NAME} record with the flow table's counters. A stock OpenTelemetry
 * Collector tells them from alerts by event name.
 *
 * <p>Flows are telemetry, not evidence: a batch the receiver refuses is retried a few times with
 * backoff on the calling (flushing) thread, then dropped and counted, never spooled. The next
 * interval's flows are independent of it, so nothing builds up while the receiver is away.
 */
public final class OtlpFlowExporter implements FlowExporter {
  static final String EXPORT_FAILED = "flow export of %d records failed (%s); %s";

  private static final System.Logger LOG = System.getLogger("dev.tapio.alerts");

  private final Transport<LogEntry> transport;
  private final FlowMapper mapper;
  private final int batchSize;
  private final int attempts;
  private final Duration backoff;
  private final AtomicLong reports = new AtomicLong();
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  OtlpFlowExporter(
      Transport<LogEntry> transport,
      FlowMapper mapper,
      int batchSize,
      int attempts,
      Duration backoff) {
    this.transport = transport;
    this.mapper = mapper;
    this.batchSize = batchSize;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  @Override
  public void export(FlowReport report) {
    reports.incrementAndGet();
    List<LogEntry> records = mapper.map(report);
    for (int from = 0; from < records.size(); from += batchSize) {
      List<LogEntry> batch = records.subList(from, Math.min(records.size(), from + batchSize));
      long flows =
          batch.stream()
              .filter(e -> e.eventName().equals(OtlpFlowAttributes.FLOW_EVENT_NAME))
              .count();
      if (deliver(batch)) {
        exported.addAndGet(flows);
      } else {
        dropped.addAndGet(flows);
      }
    }
  }

  private boolean deliver(List<LogEntry> batch) {
    long wait = backoff.toMillis();
    for (int attempt = 1; ; attempt++) {
      try {
        transport.deliver(batch);
        return true;
      } catch (Exception e) {
        failures.incrementAndGet();
        boolean last = attempt >= attempts;
        LOG.log(
            System.Logger.Level.WARNING,
            EXPORT_FAILED.formatted(
                batch.size(), e.getMessage(), last ? "dropped" : "retrying in " + wait + " ms"));
        if (last) {
          return false;
        }
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
        wait *= 2;
      }
    }
  }

  @Override
  public FlowExportStats stats() {
    return new FlowExportStats(reports.get(), exported.get(), dropped.get(), failures.get());
  }

  @Override
  public void close() {
    transport.close();
  }
}
