package dev.tapio.app.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.tapio.app.metrics.EngineMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * {@code /healthz}, {@code /readyz} and {@code /metrics} on the JDK's HTTP server, one small thread
 * pool. With a token, every request must carry {@code Authorization: Bearer TOKEN} or gets 401; the
 * configuration demands a token for any address but loopback. With open probes, {@code /healthz}
 * and {@code /readyz} answer without it, for a kubelet, which cannot send a secret; {@code
 * /metrics} still needs it.
 */
public final class StatusServer implements AutoCloseable {
  static final String UNAUTHORIZED = "a bearer token is required\n";

  private final HttpServer server;
  private final ExecutorService threads;

  private StatusServer(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  public static StatusServer start(
      InetSocketAddress address, @Nullable String token, Health health, EngineMetrics metrics)
      throws IOException {
    return start(address, token, false, health, metrics);
  }

  /** As {@link #start}, with {@code /healthz} and {@code /readyz} open when {@code openProbes}. */
  public static StatusServer start(
      InetSocketAddress address,
      @Nullable String token,
      boolean openProbes,
      Health health,
      EngineMetrics metrics)
      throws IOException {
    @Nullable String probeToken = openProbes ? null : token;
    HttpServer server = HttpServer.create(address, 16);
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2, Thread.ofPlatform().name("tapio-http-", 0).daemon(true).factory());
    server.setExecutor(threads);
    server.createContext("/healthz", guarded(probeToken, ex -> probe(ex, health.notAlive())));
    server.createContext("/readyz", guarded(probeToken, ex -> probe(ex, health.notReady())));
    server.createContext(
        "/metrics", guarded(token, ex -> reply(ex, 200, metrics.contentType(), metrics.scrape())));
    server.createContext("/", guarded(token, ex -> reply(ex, 404, "text/plain", "not found\n")));
    server.start();
    return new StatusServer(server, threads);
  }

  /** Where it listens (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  private static void probe(HttpExchange ex, List<String> problems) throws IOException {
    if (problems.isEmpty()) {
      reply(ex, 200, "text/plain", "ok\n");
    } else {
      reply(ex, 503, "text/plain", String.join("\n", problems) + "\n");
    }
  }

  private static HttpHandler guarded(@Nullable String token, HttpHandler handler) {
    byte[] expected = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    return ex -> {
      try (ex) {
        if (expected != null) {
          String given = ex.getRequestHeaders().getFirst("Authorization");
          byte[] actual = given == null ? new byte[0] : given.getBytes(StandardCharsets.UTF_8);
          if (!MessageDigest.isEqual(expected, actual)) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
            reply(ex, 401, "text/plain", UNAUTHORIZED);
            return;
          }
        }
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
          reply(ex, 405, "text/plain", "only GET\n");
          return;
        }
        handler.handle(ex);
      }
    };
  }

  private static void reply(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    boolean head = "HEAD".equals(ex.getRequestMethod());
    ex.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
