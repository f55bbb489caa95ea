package dev.tapio.app;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
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
 * log record it decoded.
 */
public final class OtlpLogsReceiver implements AutoCloseable {
  /** One received log record: its event name, body and attributes as plain values. */
  public record Received(String eventName, String body, Map<String, Object> attributes) {}

  private final HttpServer server;
  private final List<Received> records = new CopyOnWriteArrayList<>();

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

  private static Received received(LogRecord r) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (KeyValue kv : r.getAttributesList()) {
      attributes.put(kv.getKey(), value(kv.getValue()));
    }
    return new Received(r.getEventName(), r.getBody().getStringValue(), attributes);
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
