package dev.tapio.app.http;

import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.HostPort;
import dev.tapio.app.config.Settings;
import dev.tapio.app.metrics.EngineMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the HTTP listener as configured, with its token from the file or the setting. */
public final class HttpEndpoint {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private HttpEndpoint() {}

  public static Optional<StatusServer> start(
      EffectiveConfig config, Health health, EngineMetrics metrics) throws IOException {
    if (!config.get(Settings.HTTP_ENABLED)) {
      return Optional.empty();
    }
    HostPort address = HostPort.parse(config.get(Settings.HTTP_ADDRESS));
    boolean openProbes = config.get(Settings.HTTP_PROBES_WITHOUT_TOKEN);
    StatusServer server =
        StatusServer.start(address.socketAddress(), token(config), openProbes, health, metrics);
    log.info(
        "serving /healthz, /readyz and /metrics on http://{}:{}{}",
        address.host(),
        server.address().getPort(),
        token(config) == null
            ? ""
            : openProbes ? " (bearer token required for /metrics)" : " (bearer token required)");
    return Optional.of(server);
  }

  private static @Nullable String token(EffectiveConfig config) {
    Optional<String> token = config.find(Settings.HTTP_TOKEN);
    if (token.isPresent()) {
      return token.get();
    }
    var file = config.find(Settings.HTTP_TOKEN_FILE);
    if (file.isEmpty()) {
      return null;
    }
    try {
      return Files.readAllLines(file.get()).stream().findFirst().orElse("").strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read http.tokenFile " + file.get(), e);
    }
  }
}
