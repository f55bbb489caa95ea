package dev.tapio.app;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real OTLP/HTTP logs receiver on loopback, built from the OTLP protobufs: {@code POST /v1/logs}
 * with a protobuf body, as an OpenTelemetry Collector's {@code otlp} receiver takes it. Keeps every
 * log record it decoded, and every data point of {@code POST /v1/metrics}.
 */
public final class OtlpLogsReceiver implements AutoCloseable {
  /** One received log record: its event name, body and attributes as plain values. */
  public record Received(String eventName, String body, Map<String, Object> attributes) {}

  /**
   * One received metric data point: its metric's name and kind ({@code sum}, {@code monotonic-sum},
   * {@code gauge}), value, attributes and the resource's attributes.
   */
  public record Point(
      String name,
      String kind,
      double value,
      Map<String, Object> attributes,
      Map<String, Object> resource) {}

  private final HttpServer server;
  private final List<Received> records = new CopyOnWriteArrayList<>();
  private final List<Point> points = new CopyOnWriteArrayList<>();

  private OtlpLogsReceiver(HttpServer server) {
    this.server = server;
  }

  public static OtlpLogsReceiver start() {
    return start(0);
  }

  /** A receiver on {@code port} of loopback (0: any free port), e.g. one restarted after a stop. */
  public static OtlpLogsReceiver start(int port) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      OtlpLogsReceiver receiver = new OtlpLogsReceiver(server);
      server.createContext(
          "/v1/logs",
          exchange -> {
            var request = ExportLogsServiceRequest.parseFrom(exchange.getRequestBody());
            request.getResourceLogsList().stream()
                .flatMap(r -> r.getScopeLogsList().stream())
                .flatMap(s -> s.getLogRecordsList().stream())
                .map(OtlpLogsReceiver::received)
                .forEach(receiver.records::add);
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.createContext(
          "/v1/metrics",
          exchange -> {
            var request = ExportMetricsServiceRequest.parseFrom(exchange.getRequestBody());
            for (var resourceMetrics : request.getResourceMetricsList()) {
              Map<String, Object> resource =
                  attributes(resourceMetrics.getResource().getAttributesList());
              resourceMetrics.getScopeMetricsList().stream()
                  .flatMap(s -> s.getMetricsList().stream())
                  .flatMap(m -> points(m, resource).stream())
                  .forEach(receiver.points::add);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}: the OTLP endpoint to configure. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Received> records() {
    return List.copyOf(records);
  }

  public List<Point> points() {
    return List.copyOf(points);
  }

  private static List<Point> points(Metric m, Map<String, Object> resource) {
    String kind =
        switch (m.getDataCase()) {
          case SUM -> m.getSum().getIsMonotonic() ? "monotonic-sum" : "sum";
          case GAUGE -> "gauge";
          default -> m.getDataCase().name().toLowerCase(java.util.Locale.ROOT);
        };
    List<NumberDataPoint> numbers =
        switch (m.getDataCase()) {
          case SUM -> m.getSum().getDataPointsList();
          case GAUGE -> m.getGauge().getDataPointsList();
          default -> List.of();
        };
    return numbers.stream()
        .map(
            p ->
                new Point(
                    m.getName(),
                    kind,
                    p.hasAsDouble() ? p.getAsDouble() : p.getAsInt(),
                    attributes(p.getAttributesList()),
                    resource))
        .toList();
  }

  private static Map<String, Object> attributes(List<KeyValue> list) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : list) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return out;
  }

  private static Received received(LogRecord r) {
    return new Received(
        r.getEventName(), r.getBody().getStringValue(), attributes(r.getAttributesList()));
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case INT_VALUE -> v.getIntValue();
      case BOOL_VALUE -> v.getBoolValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(x -> value(x)).toList();
      default -> v.getStringValue();
    };
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
