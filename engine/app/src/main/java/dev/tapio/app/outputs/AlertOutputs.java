package dev.tapio.app.outputs;

import static dev.tapio.app.config.Settings.*;

import dev.tapio.alerts.AlertPipeline;
import dev.tapio.alerts.DeliveryPolicy;
import dev.tapio.alerts.FlowExporter;
import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.alerts.OtlpLogSink;
import dev.tapio.alerts.OtlpMetrics;
import dev.tapio.alerts.RateLimitingSink;
import dev.tapio.alerts.Scrubber;
import dev.tapio.alerts.SinkStats;
import dev.tapio.alerts.SpoolConfig;
import dev.tapio.alerts.SyslogSink;
import dev.tapio.alerts.SyslogTransport;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Origin;
import dev.tapio.app.config.Setting;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert path as configured: scrub, limit identical alerts, then the JSON, OTLP and syslog sinks
 * (and any sink the embedding program adds). Sinks that talk to a receiver spool to disk while it
 * is down, each in its own directory under the spool root.
 */
public final class AlertOutputs implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AlertOutputs.class);

  private final AlertPipeline pipeline;
  private final Map<String, Path> spools;
  private final OtlpLogSink.@Nullable Builder otlp;

  private AlertOutputs(
      AlertPipeline pipeline, Map<String, Path> spools, OtlpLogSink.@Nullable Builder otlp) {
    this.pipeline = pipeline;
    this.spools = Map.copyOf(spools);
    this.otlp = otlp;
  }

  /**
   * @param printJson whether this command prints alerts on stdout at all ({@code outputs.json}
   *     decides within that)
   * @param env the process environment: the OTLP sink reads every {@code OTEL_EXPORTER_OTLP_*}
   *     variable the configuration does not cover
   */
  public static AlertOutputs start(
      EffectiveConfig config,
      Map<String, String> env,
      boolean printJson,
      List<AlertSink> extraSinks,
      String version) {
    AlertPipeline.Builder sinks = AlertPipeline.builder().scrubber(Scrubber.defaults());
    extraSinks.forEach(sinks::sink);
    if (printJson && config.get(JSON_ENABLED)) {
      sinks.sink(JsonLinesSink.stdout());
    }
    Map<String, Path> spools = new LinkedHashMap<>();
    Path spoolRoot =
        config.get(SPOOL_ENABLED) ? SpoolRoot.choose(config.get(SPOOL_DIRECTORY)) : null;
    OtlpLogSink.Builder otlp = null;
    if (config.find(OTLP_ENDPOINT).isPresent()) {
      otlp =
          OtlpLogSink.builder()
              .fromEnvironment(otlpEnvironment(config, env))
              .serviceVersion(version)
              .nodeName(config.get(NODE_NAME))
              .delivery(delivery(config, spoolRoot, "otlp", spools));
      config.find(CLUSTER_NAME).ifPresent(otlp::clusterName);
      sinks.sink(otlp.build());
      log.info("alerts go to OTLP endpoint {}", otlp.effectiveEndpoint());
    }
    if (config.get(SYSLOG_ENABLED)) {
      SyslogSink.Builder syslog =
          SyslogSink.builder()
              .host(config.get(SYSLOG_HOST))
              .port(config.get(SYSLOG_PORT))
              .transport(
                  SyslogTransport.valueOf(config.get(SYSLOG_TRANSPORT).toUpperCase(Locale.ROOT)))
              .hostname(config.get(NODE_NAME))
              .delivery(delivery(config, spoolRoot, "syslog", spools));
      config.find(SYSLOG_CA_FILE).ifPresent(syslog::trustedCertificates);
      sinks.sink(syslog.build());
      log.info(
          "alerts go to syslog {}:{} ({})",
          config.get(SYSLOG_HOST),
          config.get(SYSLOG_PORT),
          config.get(SYSLOG_TRANSPORT));
    }
    if (config.get(ALERT_LIMIT_ENABLED)) {
      sinks.rateLimit(
          RateLimitingSink.builder()
              .window(config.get(ALERT_LIMIT_WINDOW))
              .perKey(config.get(ALERT_LIMIT_PER_KEY))
              .global(config.get(ALERT_LIMIT_GLOBAL)));
    }
    if (!spools.isEmpty()) {
      log.info(
          "alerts spool to disk while a receiver is unreachable: {} (at most {} bytes and {} each)",
          spools.values(),
          config.get(SPOOL_MAX_BYTES),
          config.get(SPOOL_MAX_AGE));
    }
    return new AlertOutputs(sinks.build(), spools, otlp);
  }

  private static DeliveryPolicy delivery(
      EffectiveConfig config, @Nullable Path spoolRoot, String sink, Map<String, Path> spools) {
    if (spoolRoot == null) {
      return DeliveryPolicy.defaults();
    }
    Path dir = spoolRoot.resolve(sink);
    spools.put(sink, dir);
    return DeliveryPolicy.builder()
        .spool(
            SpoolConfig.at(dir)
                .withMaxBytes(config.get(SPOOL_MAX_BYTES))
                .withMaxAge(config.get(SPOOL_MAX_AGE)))
        .build();
  }

  /**
   * The environment the OTLP sink reads, with the configuration's OTLP settings written in as the
   * standard variables where they came from the file or a flag. The alerts module thus stays the
   * one interpreter of what an OTLP endpoint means (a generic one gets {@code /v1/logs}).
   */
  static Map<String, String> otlpEnvironment(EffectiveConfig config, Map<String, String> env) {
    Map<String, String> out = new HashMap<>(env);
    overlay(config, out, OTLP_ENDPOINT, "OTEL_EXPORTER_OTLP_ENDPOINT", v -> v);
    overlay(config, out, OTLP_PROTOCOL, "OTEL_EXPORTER_OTLP_PROTOCOL", v -> v);
    overlay(config, out, OTLP_CA_FILE, "OTEL_EXPORTER_OTLP_CERTIFICATE", Path::toString);
    overlay(
        config,
        out,
        OTLP_HEADERS,
        "OTEL_EXPORTER_OTLP_HEADERS",
        headers ->
            headers.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                                .replace("+", "%20"))
                .collect(Collectors.joining(",")));
    return out;
  }

  private static <T> void overlay(
      EffectiveConfig config,
      Map<String, String> env,
      Setting<T> setting,
      String variable,
      java.util.function.Function<T, String> text) {
    Origin.Source source = config.origin(setting).source();
    if (source != Origin.Source.FILE && source != Origin.Source.FLAG) {
      return;
    }
    setting.standardVariables().forEach(env::remove);
    config.find(setting).ifPresent(value -> env.put(variable, text.apply(value)));
  }

  /**
   * A new exporter of flow telemetry to the alerts' OTLP receiver, with the same endpoint, headers,
   * TLS and resource; empty when alerts do not go over OTLP.
   */
  public Optional<FlowExporter> flowExporter() {
    OtlpLogSink.Builder settings = otlp;
    return settings == null ? Optional.empty() : Optional.of(settings.buildFlowExporter());
  }

  /**
   * The engine's metrics pushed to the alerts' OTLP receiver every {@code interval}, with the same
   * endpoint, headers, TLS and resource; empty when alerts do not go over OTLP.
   */
  public Optional<OtlpMetrics> metrics(MetricProducer producer, Duration interval) {
    OtlpLogSink.Builder settings = otlp;
    return settings == null
        ? Optional.empty()
        : Optional.of(settings.buildMetrics(producer, interval));
  }

  /** The head of the alert path: scrubbing, limits, every sink. */
  public AlertPipeline pipeline() {
    return pipeline;
  }

  public List<SinkStats> stats() {
    return pipeline.stats();
  }

  public RateLimitingSink.Stats rateLimitStats() {
    return pipeline.rateLimitStats();
  }

  /** Bytes each sink holds in its spool now. */
  public Map<String, Long> spoolBytes() {
    Map<String, Long> out = new LinkedHashMap<>();
    spools.forEach((sink, dir) -> out.put(sink, SpoolRoot.bytes(dir)));
    return out;
  }

  @Override
  public void close() {
    pipeline.close();
  }
}
