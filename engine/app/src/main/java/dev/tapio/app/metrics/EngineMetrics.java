package dev.tapio.app.metrics;

import dev.tapio.alerts.DropReason;
import dev.tapio.alerts.SinkStats;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.app.reload.ReloadStats;
import dev.tapio.app.reload.Shadow;
import dev.tapio.rules.CompiledRule;
import dev.tapio.sensors.SensorStats;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every metric family of the engine. Counters the stages keep already are read at scrape time
 * (callbacks); only alerts per rule are counted here, by {@link #counting}. The registry is
 * Prometheus's own; {@link #otlp} reads the same families for export over OTLP.
 */
public final class EngineMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter alerts;
  private final Counter shadowAlerts;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  public EngineMetrics(String version, MetricSources s) {
    Info build =
        Info.builder()
            .name("tapio_build_info")
            .help("This build of Tapio.")
            .labelNames("version", "java")
            .register(registry);
    build.setLabelValues(version, Runtime.version().toString());
    alerts =
        Counter.builder()
            .name("tapio_alerts")
            .help("Alerts the rules raised, before rate limiting.")
            .labelNames("rule", "priority")
            .register(registry);
    shadowAlerts =
        Counter.builder()
            .name("tapio_shadow_alerts")
            .help("Alerts shadow rules raised (marked tapio.shadow), before rate limiting.")
            .labelNames("rule", "priority")
            .register(registry);
    gauge(
        "tapio_rules_loaded",
        "Rules loaded, by whether they are enabled.",
        List.of("state"),
        cb -> {
          List<CompiledRule> rules = s.rules().get();
          long enabled = rules.stream().filter(CompiledRule::enabled).count();
          cb.accept(enabled, new String[] {"enabled"});
          cb.accept(rules.size() - enabled, new String[] {"disabled"});
        });
    pipeline(s);
    sensors(s);
    sinks(s);
  }

  private void pipeline(MetricSources s) {
    counter(
        "tapio_pipeline_events_received",
        "Events the sensors handed to the pipeline.",
        List.of(),
        (cb) -> cb.accept(s.pipeline().get().received(), new String[0]));
    counter(
        "tapio_pipeline_events_processed",
        "Events enriched and matched.",
        List.of(),
        cb -> cb.accept(s.pipeline().get().processed(), new String[0]));
    counter(
        "tapio_pipeline_events_dropped",
        "Events dropped because the pipeline queue was full.",
        List.of(),
        cb -> cb.accept(s.pipeline().get().droppedQueueFull(), new String[0]));
    counter(
        "tapio_pipeline_events_failed",
        "Events whose enrichment or matching failed.",
        List.of(),
        cb -> cb.accept(s.pipeline().get().failed(), new String[0]));
    counter(
        "tapio_pipeline_events_late",
        "Events read later than the reorder delay (older than one already processed).",
        List.of(),
        cb -> cb.accept(s.pipeline().get().late(), new String[0]));
    counter(
        "tapio_pipeline_events_exec_waits",
        "Events read before the exec of the program that made them, held until it arrived.",
        List.of(),
        cb -> cb.accept(s.pipeline().get().execWaits(), new String[0]));
    counter(
        "tapio_pipeline_events_exec_wait_timeouts",
        "Events whose exec did not arrive in time (record lost): named as procfs showed the process.",
        List.of(),
        cb -> cb.accept(s.pipeline().get().execWaitsTimedOut(), new String[0]));
    counter(
        "tapio_pipeline_events_exec_wait_refused",
        "Events that should have waited for their exec but did not (too many waiting).",
        List.of(),
        cb -> cb.accept(s.pipeline().get().execWaitsRefused(), new String[0]));
    counter(
        "tapio_events_sampled",
        "Events sampled away while the pipeline was behind, by kind (kinds rules depend on are never sampled).",
        List.of("kind"),
        cb -> s.pipeline().get().sampled().forEach((kind, n) -> cb.accept(n, new String[] {kind})));
    gauge(
        "tapio_sampling_keep_one_in",
        "N of keep 1 in N per sampled kind now; 1 when not sampling.",
        List.of("kind"),
        cb ->
            s.pipeline().get().keepOneIn().forEach((kind, n) -> cb.accept(n, new String[] {kind})));
    counter(
        "tapio_enrich_process_history_misses",
        "Events older than every program kept for their process, blamed on the oldest kept.",
        List.of(),
        cb -> cb.accept(s.enrichment().get().processHistoryMisses(), new String[0]));
  }

  private void sensors(MetricSources s) {
    counter(
        "tapio_sensor_records_received",
        "Records read from each sensor's ring buffer.",
        List.of("sensor"),
        cb ->
            s.sensors().get().forEach(st -> cb.accept(st.received(), new String[] {st.sensor()})));
    perKind(
        "tapio_sensor_records_dropped",
        "Records the kernel could not write (ring buffer full), by record kind; 0 for kind \"all\" when none.",
        s,
        SensorStats::dropped);
    perKind(
        "tapio_sensor_records_throttled",
        "Records the per-cgroup rate limit refused in the kernel, by record kind; 0 for kind \"all\" when none.",
        s,
        SensorStats::throttled);
    perKind(
        "tapio_sensor_records_filtered",
        "Records the kernel filter dropped because no enabled rule could match them, by record kind; 0 for kind \"all\" when none.",
        s,
        SensorStats::filtered);
    counter(
        "tapio_sensor_records_skipped",
        "Records lost because the kernel skipped a sensor program while another BPF program ran on the same CPU (recursion_misses, 5.12+; 0 where not counted).",
        List.of("sensor"),
        cb -> s.sensors().get().forEach(st -> cb.accept(st.skipped(), new String[] {st.sensor()})));
    gauge(
        "tapio_sensor_ring_buffer_pending_bytes",
        "Bytes waiting in each sensor's ring buffer.",
        List.of("sensor"),
        cb ->
            s.sensors()
                .get()
                .forEach(st -> cb.accept(st.ringPending(), new String[] {st.sensor()})));
    gauge(
        "tapio_sensor_ring_buffer_capacity_bytes",
        "Each sensor's ring buffer size.",
        List.of("sensor"),
        cb ->
            s.sensors()
                .get()
                .forEach(st -> cb.accept(st.ringCapacity(), new String[] {st.sensor()})));
    gauge(
        "tapio_sensor_status",
        "1 for each sensor's state (enabled, partial, unavailable) and mechanism.",
        List.of("sensor", "state", "mechanism"),
        cb ->
            s.sensorStatuses()
                .get()
                .forEach(
                    (name, st) ->
                        cb.accept(
                            1,
                            new String[] {
                              name,
                              st.state().name().toLowerCase(java.util.Locale.ROOT),
                              st.mechanism()
                            })));
  }

  private void perKind(
      String name, String help, MetricSources s, Function<SensorStats, Map<String, Long>> counts) {
    counter(
        name,
        help,
        List.of("sensor", "kind"),
        cb -> {
          for (SensorStats st : s.sensors().get()) {
            Map<String, Long> byKind = counts.apply(st);
            if (byKind.isEmpty()) {
              cb.accept(0, new String[] {st.sensor(), "all"});
            }
            byKind.forEach((kind, n) -> cb.accept(n, new String[] {st.sensor(), kind}));
          }
        });
  }

  private void sinks(MetricSources s) {
    counter(
        "tapio_alerts_suppressed",
        "Identical alerts the rate limit held back.",
        List.of(),
        cb -> cb.accept(s.rateLimit().get().suppressed(), new String[0]));
    counter(
        "tapio_alert_summaries",
        "Summary alerts sent for suppressed ones.",
        List.of(),
        cb -> cb.accept(s.rateLimit().get().summaries(), new String[0]));
    sinkCounter("tapio_alert_sink_accepted", "Alerts handed to each sink.", s, SinkStats::accepted);
    sinkCounter(
        "tapio_alert_sink_delivered",
        "Alerts each sink's receiver acknowledged.",
        s,
        SinkStats::delivered);
    sinkCounter(
        "tapio_alert_sink_retried", "Failed deliveries that were retried.", s, SinkStats::retried);
    sinkCounter(
        "tapio_alert_sink_spooled",
        "Alerts written to each sink's disk spool.",
        s,
        SinkStats::spooled);
    gauge(
        "tapio_alert_sink_pending",
        "Alerts waiting in each sink, in memory or spooled.",
        List.of("sink"),
        cb -> s.sinks().get().forEach(st -> cb.accept(st.pending(), new String[] {st.sink()})));
    counter(
        "tapio_alert_sink_dropped",
        "Alerts each sink gave up on, by reason.",
        List.of("sink", "reason"),
        cb -> {
          for (SinkStats st : s.sinks().get()) {
            for (DropReason reason : DropReason.values()) {
              cb.accept(st.dropped(reason), new String[] {st.sink(), reason.metricName()});
            }
          }
        });
    gauge(
        "tapio_alert_spool_bytes",
        "Bytes in each sink's disk spool.",
        List.of("sink"),
        cb -> s.spoolBytes().get().forEach((sink, bytes) -> cb.accept(bytes, new String[] {sink})));
  }

  private void sinkCounter(
      String name, String help, MetricSources s, Function<SinkStats, Long> value) {
    counter(
        name,
        help,
        List.of("sink"),
        cb -> s.sinks().get().forEach(st -> cb.accept(value.apply(st), new String[] {st.sink()})));
  }

  private void counter(
      String name,
      String help,
      List<String> labels,
      java.util.function.Consumer<BiConsumer<Number, String[]>> values) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(labels.toArray(String[]::new))
        .callback(cb -> values.accept((v, l) -> cb.call(v.doubleValue(), l)))
        .register(registry);
  }

  private void gauge(
      String name,
      String help,
      List<String> labels,
      java.util.function.Consumer<BiConsumer<Number, String[]>> values) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(labels.toArray(String[]::new))
        .callback(cb -> values.accept((v, l) -> cb.call(v.doubleValue(), l)))
        .register(registry);
  }

  /** Starts every rule's alert counter at zero, so a quiet rule is visible as 0. */
  public void rulesLoaded(List<CompiledRule> rules) {
    rules.stream()
        .filter(CompiledRule::enabled)
        .forEach(r -> alerts.labelValues(r.name(), r.priority().name()).inc(0));
  }

  /** Starts every shadow rule's alert counter at zero, beside the live rule of the same name. */
  public void shadowRulesLoaded(List<CompiledRule> rules) {
    rules.stream()
        .filter(CompiledRule::enabled)
        .forEach(r -> shadowAlerts.labelValues(r.name(), r.priority().name()).inc(0));
  }

  /** The reload families, read from {@code stats} at scrape time. */
  public void reloads(Supplier<ReloadStats> stats) {
    counter(
        "tapio_rules_reloads",
        "Rule reloads, by result: success (new rules live) or failure (previous rules kept).",
        List.of("result"),
        cb -> {
          ReloadStats st = stats.get();
          cb.accept(st.succeeded(), new String[] {"success"});
          cb.accept(st.failed(), new String[] {"failure"});
        });
    gauge(
        "tapio_rules_last_reload_timestamp_seconds",
        "When the rules were last loaded or a reload was last tried, Unix time.",
        List.of(),
        cb -> cb.accept(stats.get().lastEpochSeconds(), new String[0]));
    gauge(
        "tapio_rules_last_reload_success",
        "1 when the last load or reload of the rules succeeded, 0 when its files did not load.",
        List.of(),
        cb -> cb.accept(stats.get().lastSucceeded() ? 1 : 0, new String[0]));
  }

  /** 1 once the kill switch has detached every BPF program, from {@code engaged}. */
  public void killSwitch(BooleanSupplier engaged) {
    gauge(
        "tapio_kill_switch_engaged",
        "1 once the kill switch has detached every BPF program; the sensors stay off until restart.",
        List.of(),
        cb -> cb.accept(engaged.getAsBoolean() ? 1 : 0, new String[0]));
  }

  /** {@code next}, counting every alert by rule and priority first. */
  public AlertSink counting(AlertSink next) {
    return new AlertSink() {
      @Override
      public String name() {
        return next.name();
      }

      @Override
      public void send(Alert alert) {
        (Shadow.isShadow(alert) ? shadowAlerts : alerts)
            .labelValues(alert.rule(), alert.priority().name())
            .inc();
        next.send(alert);
      }

      @Override
      public void flush() {
        next.flush();
      }

      @Override
      public void close() {
        next.close();
      }
    };
  }

  /**
   * Every family as OpenTelemetry metrics, read at each export from the registry {@link #scrape}
   * reads.
   */
  public io.opentelemetry.sdk.metrics.export.MetricProducer otlp(String version) {
    return new OtlpMetricBridge(registry::scrape, version, OtlpMetricBridge.nowNanos());
  }

  /** Every family in the Prometheus text format. */
  public String scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  public String contentType() {
    return writer.getContentType();
  }
}
