package dev.tapio.alerts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where aggregated flows leave the node, one {@link FlowReport} per interval, beside the alerts.
 * {@link #export} is called from the flow table's own flushing thread, never from the event path,
 * so an exporter may block on its receiver; it must give up within the interval and count what it
 * dropped.
 */
public interface FlowExporter extends AutoCloseable {

  void export(FlowReport report);

  FlowExportStats stats();

  @Override
  void close();

  /** Exports nothing, counts every flow as exported: flows switched off. */
  static FlowExporter noop() {
    return new FlowExporter() {
      private final AtomicLong reports = new AtomicLong();
      private final AtomicLong flows = new AtomicLong();

      @Override
      public void export(FlowReport report) {
        reports.incrementAndGet();
        flows.addAndGet(report.flows().size());
      }

      @Override
      public FlowExportStats stats() {
        return new FlowExportStats(reports.get(), flows.get(), 0, 0);
      }

      @Override
      public void close() {}
    };
  }

  /** Keeps every report in memory, for tests and embedding programs. */
  final class InMemory implements FlowExporter {
    private final List<FlowReport> reports = new CopyOnWriteArrayList<>();

    @Override
    public void export(FlowReport report) {
      reports.add(report);
    }

    /** Every report so far, oldest first. */
    public List<FlowReport> reports() {
      return List.copyOf(reports);
    }

    @Override
    public FlowExportStats stats() {
      return new FlowExportStats(
          reports.size(), reports.stream().mapToLong(r -> r.flows().size()).sum(), 0, 0);
    }

    @Override
    public void close() {}
  }
}
