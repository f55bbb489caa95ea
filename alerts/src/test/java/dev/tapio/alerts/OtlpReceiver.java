package dev.tapio.alerts;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.ClientAuth;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A real OTLP logs receiver on 127.0.0.1, built from the OTLP protobufs: gRPC ({@code
 * LogsService/Export} over Netty, optionally with mutual TLS) or HTTP ({@code POST /v1/logs} with a
 * protobuf body, optionally gzip). It keeps every request it decoded and can stop and start again
 * on the same port.
 */
final class OtlpReceiver implements AutoCloseable {
  enum Mode {
    GRPC,
    HTTP
  }

  /** PEM files for a TLS server that requires a client certificate signed by {@code ca}. */
  record Tls(Path serverCert, Path serverKey, Path ca) {}

  private final Mode mode;
  private final @Nullable Tls tls;
  private final List<ExportLogsServiceRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicInteger failNext =
      new java.util.concurrent.atomic.AtomicInteger();
  private int port;
  private @Nullable Server grpc;
  private @Nullable HttpServer http;

  private OtlpReceiver(Mode mode, @Nullable Tls tls) {
    this.mode = mode;
    this.tls = tls;
  }

  static OtlpReceiver start(Mode mode) {
    OtlpReceiver receiver = new OtlpReceiver(mode, null);
    receiver.start();
    return receiver;
  }

  static OtlpReceiver startTls(Tls tls) {
    return startTls(Mode.GRPC, tls);
  }

  static OtlpReceiver startTls(Mode mode, Tls tls) {
    OtlpReceiver receiver = new OtlpReceiver(mode, tls);
    receiver.start();
    return receiver;
  }

  /** Starts listening: on a free port the first time, on the same port after {@link #stop}. */
  void start() {
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
      switch (mode) {
        case GRPC -> {
          NettyServerBuilder builder =
              NettyServerBuilder.forAddress(address)
                  .addService(ServerInterceptors.intercept(new Service(), new Headers()));
          if (tls != null) {
            builder.sslContext(
                GrpcSslContexts.forServer(tls.serverCert().toFile(), tls.serverKey().toFile())
                    .trustManager(tls.ca().toFile())
                    .clientAuth(ClientAuth.REQUIRE)
                    .build());
          }
          Server server = builder.build().start();
          port = server.getPort();
          grpc = server;
        }
        case HTTP -> {
          HttpServer server;
          if (tls != null) {
            com.sun.net.httpserver.HttpsServer https =
                com.sun.net.httpserver.HttpsServer.create(address, 0);
            https.setHttpsConfigurator(
                new com.sun.net.httpserver.HttpsConfigurator(TestPki.serverContext(tls)) {
                  @Override
                  public void configure(com.sun.net.httpserver.HttpsParameters params) {
                    params.setNeedClientAuth(true);
                  }
                });
            server = https;
          } else {
            server = HttpServer.create(address, 0);
          }
          server.createContext(
              "/v1/logs",
              exchange -> {
                exchange
                    .getRequestHeaders()
                    .forEach(
                        (k, v) -> lastHeaders.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                  exchange.getRequestBody().readAllBytes();
                  exchange.sendResponseHeaders(503, -1);
                  exchange.close();
                  return;
                }
                InputStream body = exchange.getRequestBody();
                if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                  body = new GZIPInputStream(body);
                }
                requests.add(ExportLogsServiceRequest.parseFrom(body.readAllBytes()));
                byte[] response = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
                exchange.getResponseBody().write(response);
                exchange.close();
              });
          server.start();
          port = server.getAddress().getPort();
          http = server;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops listening at once, cutting off calls in flight. */
  void stop() {
    if (grpc != null) {
      grpc.shutdownNow();
      try {
        grpc.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      grpc = null;
    }
    if (http != null) {
      http.stop(0);
      http = null;
    }
  }

  /** Answers the next {@code n} HTTP requests with 503 Service Unavailable. */
  void failNext(int n) {
    failNext.set(n);
  }

  int port() {
    return port;
  }

  String endpoint() {
    String scheme = tls != null ? "https" : "http";
    return mode == Mode.GRPC
        ? scheme + "://127.0.0.1:" + port
        : scheme + "://127.0.0.1:" + port + "/v1/logs";
  }

  List<ExportLogsServiceRequest> requests() {
    return List.copyOf(requests);
  }

  Map<String, String> lastHeaders() {
    return Map.copyOf(lastHeaders);
  }

  /** Every log record received so far, with its resource, in arrival order. */
  List<Received> records() {
    List<Received> out = new ArrayList<>();
    for (ExportLogsServiceRequest request : requests) {
      for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
        for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
          for (LogRecord record : scopeLogs.getLogRecordsList()) {
            out.add(
                new Received(
                    record,
                    attributes(resourceLogs.getResource().getAttributesList()),
                    scopeLogs.getScope().getName()));
          }
        }
      }
    }
    return out;
  }

  static Map<String, AnyValue> attributes(List<KeyValue> list) {
    Map<String, AnyValue> map = new LinkedHashMap<>();
    list.forEach(kv -> map.put(kv.getKey(), kv.getValue()));
    return map;
  }

  /** One received log record. */
  record Received(LogRecord record, Map<String, AnyValue> resource, String scope) {
    Map<String, AnyValue> attributes() {
      return OtlpReceiver.attributes(record.getAttributesList());
    }

    String string(String key) {
      AnyValue value = attributes().get(key);
      return value == null ? "<missing>" : value.getStringValue();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private final class Service extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> response) {
      requests.add(request);
      response.onNext(ExportLogsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  private final class Headers implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, R> call, Metadata metadata, ServerCallHandler<Q, R> next) {
      for (String key : metadata.keys()) {
        if (!key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
          String value = metadata.get(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER));
          if (value != null) {
            lastHeaders.put(key, value);
          }
        }
      }
      return next.startCall(call, metadata);
    }
  }
}
