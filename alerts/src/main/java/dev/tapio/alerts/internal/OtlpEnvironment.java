package dev.tapio.alerts.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The standard OTLP exporter variables, logs-specific ones ({@code OTEL_EXPORTER_OTLP_LOGS_*})
 * first, then the generic ones ({@code OTEL_EXPORTER_OTLP_*}).
 *
 * @param endpoint the logs endpoint; for HTTP a generic endpoint gets {@code /v1/logs} appended, as
 *     the specification says, and a logs-specific one is used as is
 * @param protocol {@code grpc} or {@code http/protobuf}
 * @param headers {@code key=value} pairs, values URL-decoded
 * @param compression {@code gzip} or {@code none}
 * @param timeout the export timeout
 * @param certificate path of the PEM file of trusted certificates
 * @param clientKey path of the PEM client private key
 * @param clientCertificate path of the PEM client certificate chain
 * @param resourceAttributes {@code OTEL_RESOURCE_ATTRIBUTES}, values URL-decoded
 */
public record OtlpEnvironment(
    @Nullable String endpoint,
    boolean endpointIsGeneric,
    @Nullable String protocol,
    Map<String, String> headers,
    @Nullable String compression,
    @Nullable Duration timeout,
    @Nullable String certificate,
    @Nullable String clientKey,
    @Nullable String clientCertificate,
    Map<String, String> resourceAttributes) {

  static final String BAD_TIMEOUT = "%s must be a whole number of milliseconds: '%s'";
  static final String BAD_PAIR = "%s holds an entry without '=': '%s'";
  private static final String GENERIC = "OTEL_EXPORTER_OTLP_";
  private static final String LOGS = "OTEL_EXPORTER_OTLP_LOGS_";

  public static OtlpEnvironment read(Map<String, String> env) {
    String logsEndpoint = value(env, LOGS + "ENDPOINT");
    String genericEndpoint = value(env, GENERIC + "ENDPOINT");
    return new OtlpEnvironment(
        logsEndpoint != null ? logsEndpoint : genericEndpoint,
        logsEndpoint == null && genericEndpoint != null,
        either(env, "PROTOCOL"),
        headers(env),
        either(env, "COMPRESSION"),
        timeout(env),
        either(env, "CERTIFICATE"),
        either(env, "CLIENT_KEY"),
        either(env, "CLIENT_CERTIFICATE"),
        pairs(env, "OTEL_RESOURCE_ATTRIBUTES", new LinkedHashMap<>()));
  }

  /** The endpoint for {@code http}: a generic base gets the logs path. */
  public Optional<String> httpEndpoint() {
    if (endpoint == null) {
      return Optional.empty();
    }
    if (!endpointIsGeneric) {
      return Optional.of(endpoint);
    }
    return Optional.of((endpoint.endsWith("/") ? endpoint : endpoint + "/") + "v1/logs");
  }

  private static @Nullable String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static @Nullable String either(Map<String, String> env, String suffix) {
    String logs = value(env, LOGS + suffix);
    return logs != null ? logs : value(env, GENERIC + suffix);
  }

  private static Map<String, String> headers(Map<String, String> env) {
    Map<String, String> headers = new LinkedHashMap<>();
    pairs(env, GENERIC + "HEADERS", headers);
    pairs(env, LOGS + "HEADERS", headers);
    return headers;
  }

  /** Adds the {@code key=value,...} pairs of variable {@code name} to {@code into}. */
  private static Map<String, String> pairs(
      Map<String, String> env, String name, Map<String, String> into) {
    String list = value(env, name);
    if (list == null) {
      return into;
    }
    for (String pair : list.split(",", -1)) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(BAD_PAIR.formatted(name, pair.trim()));
      }
      into.put(
          URLDecoder.decode(pair.substring(0, eq).trim(), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1).trim(), StandardCharsets.UTF_8));
    }
    return into;
  }

  private static @Nullable Duration timeout(Map<String, String> env) {
    String name = value(env, LOGS + "TIMEOUT") != null ? LOGS + "TIMEOUT" : GENERIC + "TIMEOUT";
    String text = value(env, name);
    if (text == null) {
      return null;
    }
    try {
      return Duration.ofMillis(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(BAD_TIMEOUT.formatted(name, text), e);
    }
  }
}
