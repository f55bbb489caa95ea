package dev.tapio.alerts;

import dev.tapio.alerts.internal.DeliveryQueue;
import dev.tapio.alerts.internal.FlowMapper;
import dev.tapio.alerts.internal.LogEntry;
import dev.tapio.alerts.internal.LogEntryCodec;
import dev.tapio.alerts.internal.OtlpEnvironment;
import dev.tapio.alerts.internal.OtlpMapper;
import dev.tapio.alerts.internal.OtlpTransport;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.MetricProducer;
import io.opentelemetry.sdk.resources.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Exports each alert as one OTLP log record (gRPC or HTTP/protobuf) through opentelemetry-java's
 * exporters. Body = the rendered output; severity from the rule priority; event name {@value
 * OtlpAttributes#EVENT_NAME}; timestamp = the event's time; attributes as {@link OtlpAttributes}
 * lists them. The resource carries {@code service.name=tapio}, {@code service.version}, {@code
 * host.name}, {@code k8s.node.name} and {@code k8s.cluster.name}.
 *
 * <p>The sink owns the bounded queue in front of the exporter (the SDK's batch processor would drop
 * silently), exports off the event path in batches, retries with backoff and jitter, spools to disk
 * when configured, and counts every alert it finally drops. Delivery is at least once: receivers
 * drop duplicates by {@value OtlpAttributes#ALERT_ID}.
 */
public final class OtlpLogSink extends QueuedSink<LogEntry> {

  private OtlpLogSink(String name, DeliveryQueue<LogEntry> delivery) {
    super(name, delivery);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of an {@link OtlpLogSink}; every setter validates at once. */
  public static final class Builder {
    static final String CLIENT_TLS_HALF = "client TLS needs both a private key and a certificate";
    static final String NO_COMPRESSION = "unsupported OTLP compression '%s': use gzip or none";

    private OtlpProtocol protocol = OtlpProtocol.HTTP_PROTOBUF;
    private @Nullable String endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String compression = "none";
    private Duration timeout = Duration.ofSeconds(10);
    private byte @Nullable [] trustedCertificates;
    private byte @Nullable [] clientKey;
    private byte @Nullable [] clientCertificate;
    private String serviceVersion = defaultVersion();
    private @Nullable String hostName;
    private @Nullable String nodeName;
    private @Nullable String clusterName;
    private final Map<String, String> resourceAttributes = new LinkedHashMap<>();
    private DeliveryPolicy delivery = DeliveryPolicy.defaults();
    private @Nullable LogRecordExporter exporter;

    private String name = "otlp";

    private Builder() {}

    /**
     * The sink's name in stats and logs (default {@code otlp}); tells two sinks of a kind apart.
     */
    public Builder name(String name) {
      this.name = QueuedSink.checkedName(name);
      return this;
    }

    /**
     * Applies the standard {@code OTEL_EXPORTER_OTLP_*} and {@code OTEL_EXPORTER_OTLP_LOGS_*}
     * variables (endpoint, protocol, headers, compression, timeout, certificate, client key and
     * certificate) and {@code OTEL_RESOURCE_ATTRIBUTES} ({@code service.name} stays {@code tapio}).
     * Setters called afterwards override them.
     */
    public Builder fromEnvironment(Map<String, String> env) {
      OtlpEnvironment settings = OtlpEnvironment.read(env);
      if (settings.protocol() != null) {
        protocol(OtlpProtocol.parse(settings.protocol()));
      }
      if (settings.endpoint() != null) {
        endpoint =
            protocol == OtlpProtocol.HTTP_PROTOBUF
                ? settings.httpEndpoint().orElseThrow()
                : settings.endpoint();
      }
      headers.putAll(settings.headers());
      settings.resourceAttributes().forEach(this::resourceAttribute);
      if (settings.compression() != null) {
        compression(settings.compression());
      }
      if (settings.timeout() != null) {
        timeout(settings.timeout());
      }
      if (settings.certificate() != null) {
        trustedCertificates(Path.of(settings.certificate()));
      }
      if (settings.clientKey() != null || settings.clientCertificate() != null) {
        if (settings.clientKey() == null || settings.clientCertificate() == null) {
          throw new IllegalArgumentException(CLIENT_TLS_HALF);
        }
        clientTls(Path.of(settings.clientKey()), Path.of(settings.clientCertificate()));
      }
      return this;
    }

    public Builder protocol(OtlpProtocol protocol) {
      this.protocol = Objects.requireNonNull(protocol);
      return this;
    }

    /**
     * {@code http://host:4317} for gRPC, {@code http://host:4318/v1/logs} for HTTP; {@code https}
     * for TLS.
     */
    public Builder endpoint(String endpoint) {
      java.net.URI uri = java.net.URI.create(endpoint);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            "OTLP endpoint must be http:// or https://: " + endpoint);
      }
      this.endpoint = endpoint;
      return this;
    }

    public Builder header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** {@code gzip} or {@code none}. */
    public Builder compression(String compression) {
      if (!compression.equals("gzip") && !compression.equals("none")) {
        throw new IllegalArgumentException(NO_COMPRESSION.formatted(compression));
      }
      this.compression = compression;
      return this;
    }

    /** How long one export may take. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("OTLP timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** PEM certificates of the certificate authorities to trust instead of the system's. */
    public Builder trustedCertificates(byte[] pem) {
      this.trustedCertificates = pem.clone();
      return this;
    }

    public Builder trustedCertificates(Path pemFile) {
      return trustedCertificates(read(pemFile));
    }

    /** A client certificate for mutual TLS: PKCS#8 PEM private key and PEM certificate chain. */
    public Builder clientTls(byte[] privateKeyPem, byte[] certificatePem) {
      this.clientKey = privateKeyPem.clone();
      this.clientCertificate = certificatePem.clone();
      return this;
    }

    public Builder clientTls(Path privateKeyPem, Path certificatePem) {
      return clientTls(read(privateKeyPem), read(certificatePem));
    }

    public Builder serviceVersion(String version) {
      this.serviceVersion = version;
      return this;
    }

    /** {@code host.name}; the local host name when not set. */
    public Builder hostName(String name) {
      this.hostName = name;
      return this;
    }

    /** {@code k8s.node.name}. */
    public Builder nodeName(String name) {
      this.nodeName = name;
      return this;
    }

    /** {@code k8s.cluster.name}. */
    public Builder clusterName(String name) {
      this.clusterName = name;
      return this;
    }

    /** Any further resource attribute. */
    public Builder resourceAttribute(String key, String value) {
      resourceAttributes.put(key, value);
      return this;
    }

    public Builder delivery(DeliveryPolicy policy) {
      this.delivery = Objects.requireNonNull(policy);
      return this;
    }

    /**
     * Exports through {@code exporter} instead of building an OTLP one from the settings above (for
     * an in-memory exporter in tests, or a composite).
     */
    public Builder exporter(LogRecordExporter exporter) {
      this.exporter = exporter;
      return this;
    }

    public OtlpLogSink build() {
      LogRecordExporter chosen = exporter != null ? exporter : buildExporter();
      OtlpTransport transport = new OtlpTransport(chosen, resource(), scope(), timeout);
      OtlpMapper mapper = new OtlpMapper(Builder::nowNanos);
      return new OtlpLogSink(
          name, new DeliveryQueue<>(name, delivery, new LogEntryCodec(mapper), transport));
    }

    /**
     * An exporter of flow telemetry to the same receiver, with the same settings and resource (its
     * own instrumentation scope, {@code dev.tapio.flows}). Shares nothing else with the sink: its
     * records never wait behind alerts.
     */
    public OtlpFlowExporter buildFlowExporter() {
      LogRecordExporter chosen = exporter != null ? exporter : buildExporter();
      InstrumentationScopeInfo flows =
          InstrumentationScopeInfo.builder("dev.tapio.flows").setVersion(serviceVersion).build();
      return new OtlpFlowExporter(
          new OtlpTransport(chosen, resource(), flows, timeout),
          new FlowMapper(Builder::nowNanos),
          512,
          3,
          Duration.ofMillis(500));
    }

    /**
     * Metrics to the same receiver ({@code /v1/metrics} beside {@code /v1/logs} over HTTP), with
     * the same headers, TLS and resource: every {@code interval} the producer's metrics are
     * exported (instrumentation scope {@code dev.tapio.metrics}).
     */
    public OtlpMetrics buildMetrics(MetricProducer producer, Duration interval) {
      return OtlpMetrics.start(
          metricExporter(), producer, resource(), interval, metricsEndpoint(), timeout);
    }

    /** The metrics endpoint: the logs endpoint with {@code /v1/metrics} for {@code /v1/logs}. */
    String metricsEndpoint() {
      String logs = effectiveEndpoint();
      return protocol == OtlpProtocol.HTTP_PROTOBUF && logs.endsWith("/v1/logs")
          ? logs.substring(0, logs.length() - "/v1/logs".length()) + "/v1/metrics"
          : logs;
    }

    /** Hands the headers, the trusted certificates and the client's TLS key to an exporter. */
    private void secure(
        BiConsumer<String, String> header,
        Consumer<byte[]> trust,
        BiConsumer<byte[], byte[]> clientTls) {
      headers.forEach(header);
      if (trustedCertificates != null) {
        trust.accept(trustedCertificates);
      }
      if (clientKey != null && clientCertificate != null) {
        clientTls.accept(clientKey, clientCertificate);
      }
    }

    private MetricExporter metricExporter() {
      return switch (protocol) {
        case GRPC -> {
          OtlpGrpcMetricExporterBuilder b =
              OtlpGrpcMetricExporter.builder()
                  .setEndpoint(metricsEndpoint())
                  .setTimeout(timeout)
                  .setCompression(compression);
          secure(b::addHeader, b::setTrustedCertificates, b::setClientTls);
          yield b.build();
        }
        case HTTP_PROTOBUF -> {
          OtlpHttpMetricExporterBuilder b =
              OtlpHttpMetricExporter.builder()
                  .setEndpoint(metricsEndpoint())
                  .setTimeout(timeout)
                  .setCompression(compression);
          secure(b::addHeader, b::setTrustedCertificates, b::setClientTls);
          yield b.build();
        }
      };
    }

    Resource resource() {
      AttributesBuilder attributes = Attributes.builder();
      resourceAttributes.forEach((k, v) -> attributes.put(AttributeKey.stringKey(k), v));
      attributes.put(AttributeKey.stringKey("service.name"), "tapio");
      attributes.put(AttributeKey.stringKey("service.version"), serviceVersion);
      attributes.put(
          AttributeKey.stringKey("host.name"), hostName != null ? hostName : localHostName());
      if (nodeName != null) {
        attributes.put(AttributeKey.stringKey("k8s.node.name"), nodeName);
      }
      if (clusterName != null) {
        attributes.put(AttributeKey.stringKey("k8s.cluster.name"), clusterName);
      }
      return Resource.create(attributes.build());
    }

    private InstrumentationScopeInfo scope() {
      return InstrumentationScopeInfo.builder("dev.tapio.alerts")
          .setVersion(serviceVersion)
          .build();
    }

    private LogRecordExporter buildExporter() {
      return switch (protocol) {
        case GRPC -> {
          OtlpGrpcLogRecordExporterBuilder b =
              OtlpGrpcLogRecordExporter.builder()
                  .setEndpoint(endpoint != null ? endpoint : "http://localhost:4317")
                  .setTimeout(timeout)
                  .setCompression(compression)
                  .setRetryPolicy(null);
          secure(b::addHeader, b::setTrustedCertificates, b::setClientTls);
          yield b.build();
        }
        case HTTP_PROTOBUF -> {
          OtlpHttpLogRecordExporterBuilder b =
              OtlpHttpLogRecordExporter.builder()
                  .setEndpoint(endpoint != null ? endpoint : "http://localhost:4318/v1/logs")
                  .setTimeout(timeout)
                  .setCompression(compression)
                  .setRetryPolicy(null);
          secure(b::addHeader, b::setTrustedCertificates, b::setClientTls);
          yield b.build();
        }
      };
    }

    /** The effective endpoint (for status lines and tests). */
    public String effectiveEndpoint() {
      if (endpoint != null) {
        return endpoint;
      }
      return protocol == OtlpProtocol.GRPC
          ? "http://localhost:4317"
          : "http://localhost:4318/v1/logs";
    }

    private static byte[] read(Path file) {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }

    private static String localHostName() {
      try {
        return InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        return "unknown";
      }
    }

    private static String defaultVersion() {
      String version = OtlpLogSink.class.getPackage().getImplementationVersion();
      return version != null ? version : "0.1.0-SNAPSHOT";
    }

    private static long nowNanos() {
      java.time.Instant now = java.time.Instant.now();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
  }
}
