package dev.tapio.alerts;

import java.util.Locale;

/** The OTLP transports Tapio exports logs over. */
public enum OtlpProtocol {
  /** OTLP/gRPC, default endpoint {@code http://localhost:4317}. */
  GRPC("grpc"),
  /** OTLP/HTTP with protobuf bodies, default endpoint {@code http://localhost:4318/v1/logs}. */
  HTTP_PROTOBUF("http/protobuf");

  static final String UNSUPPORTED = "unsupported OTLP protocol '%s': use grpc or http/protobuf";

  private final String specName;

  OtlpProtocol(String specName) {
    this.specName = specName;
  }

  /** The spelling of {@code OTEL_EXPORTER_OTLP_PROTOCOL}. */
  public String specName() {
    return specName;
  }

  /** Parses {@code grpc} or {@code http/protobuf}; anything else is rejected with a message. */
  public static OtlpProtocol parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    for (OtlpProtocol protocol : values()) {
      if (protocol.specName.equals(key)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(UNSUPPORTED.formatted(text));
  }
}
