package dev.tapio.app.flows;

import static dev.tapio.app.config.Settings.FLOWS_ENABLED;
import static dev.tapio.app.config.Settings.FLOWS_INTERVAL;
import static dev.tapio.app.config.Settings.FLOWS_MAX_EXTERNAL_ADDRESSES;
import static dev.tapio.app.config.Settings.FLOWS_MAX_FLOWS;

import dev.tapio.alerts.FlowExportStats;
import dev.tapio.alerts.FlowExporter;
import dev.tapio.alerts.FlowReport;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.enrich.flows.FlowTable;
import dev.tapio.enrich.flows.FlowTableMetrics;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flow telemetry: the socket sensor's connections, as the pipeline sees them enriched, counted into
 * a bounded {@link FlowTable} and exported once per interval, with the table's counters, by a
 * {@link FlowExporter} on a thread of its own. The pipeline thread only records (a synchronized map
 * update); flushing and exporting never hold it up.
 */
public final class FlowTelemetry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FlowTelemetry.class);

  private final FlowTable table;
  private final FlowObserver observer = new FlowObserver();
  private final FlowExporter exporter;
  private final LongSupplier clockNanos;
  private final ScheduledExecutorService flusher;
  private long intervalStart;

  FlowTelemetry(FlowTable table, FlowExporter exporter, Duration interval, LongSupplier clock) {
    this.table = table;
    this.exporter = exporter;
    this.clockNanos = clock;
    this.intervalStart = clock.getAsLong();
    this.flusher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("tapio-flows").daemon().factory());
    long millis = interval.toMillis();
    flusher.scheduleAtFixedRate(this::flushQuietly, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Flow telemetry as {@code flows.*} configures it, exporting through {@code exporter} (the OTLP
   * receiver of the alerts), or nothing when flows are switched off or have nowhere to go. Flows
   * carry the NetworkPolicy verdict their events carry.
   */
  public static Optional<FlowTelemetry> start(
      EffectiveConfig config, Supplier<Optional<FlowExporter>> exporter) {
    if (!config.get(FLOWS_ENABLED)) {
      log.info("flows: off (flows.enabled=false)");
      return Optional.empty();
    }
    Optional<FlowExporter> chosen = exporter.get();
    if (chosen.isEmpty()) {
      log.info("flows: off (no OTLP endpoint to export them to)");
      return Optional.empty();
    }
    FlowTable table =
        FlowTable.builder()
            .maxFlows(config.get(FLOWS_MAX_FLOWS))
            .maxExternalAddresses(config.get(FLOWS_MAX_EXTERNAL_ADDRESSES))
            .build();
    Duration interval = config.get(FLOWS_INTERVAL);
    log.info("flows: every {} as OTLP logs (event name tapio.flow), {}", interval, table);
    return Optional.of(
        new FlowTelemetry(table, chosen.get(), interval, FlowTelemetry::wallClockNanos));
  }

  /** The event types the sensors must deliver for flows, whatever the rules need. */
  public static Set<String> eventTypes() {
    return FlowObserver.EVENT_TYPES;
  }

  /** Counts {@code event} into its flow if it opens one. Called on the pipeline thread. */
  public void observe(EnrichedEvent event) {
    observer.observe(event).ifPresent(table::record);
  }

  /** Ends the interval now: exports its flows and the table's counters. */
  synchronized void flush() {
    long end = Math.max(clockNanos.getAsLong(), intervalStart);
    List<NetworkFlow> flows = table.flush(end);
    FlowReport report = new FlowReport(intervalStart, end, flows, counters(table.metrics()));
    intervalStart = end;
    exporter.export(report);
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("flows: the interval's export failed: {}", e.toString());
    }
  }

  /** The table's counters by the names the {@code tapio.flow.table} record carries. */
  static Map<String, Long> counters(FlowTableMetrics m) {
    Map<String, Long> out = new LinkedHashMap<>();
    out.put("observations", m.observations());
    out.put("flows_created", m.flowsCreated());
    out.put("flows_flushed", m.flowsFlushed());
    out.put("ephemeral_ports_collapsed", m.ephemeralPortsCollapsed());
    out.put("external_addresses_collapsed", m.externalAddressesCollapsed());
    out.put("flows_evicted", m.flowsEvicted());
    return out;
  }

  public FlowTableMetrics tableMetrics() {
    return table.metrics();
  }

  public FlowExportStats exportStats() {
    return exporter.stats();
  }

  /** Stops the interval timer, exports what the last interval counted, closes the exporter. */
  @Override
  public void close() {
    flusher.shutdownNow();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exporter.close();
      log.info("flows: {} {}", table.metrics(), exporter.stats());
    }
  }

  private static long wallClockNanos() {
    java.time.Instant now = java.time.Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
