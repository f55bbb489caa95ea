package dev.tapio.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.RateLimitingSink;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.enrich.EnrichMetrics;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The listener's endpoints and its bearer token, over real HTTP on loopback. */
class StatusServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<String> notReady = new ArrayList<>(List.of("sensors not started"));

  private final Health health =
      new Health() {
        @Override
        public List<String> notAlive() {
          return List.of();
        }

        @Override
        public List<String> notReady() {
          return notReady;
        }
      };

  private static EngineMetrics metrics() {
    return new EngineMetrics(
        "1.2.3",
        new MetricSources(
            () -> new PipelineStats(10, 1, 9, 0, 2, 3),
            List::of,
            Map::of,
            List::of,
            () -> new RateLimitingSink.Stats(2, 3, 1),
            Map::of,
            List::of,
            () -> new EnrichMetrics(5, 0, 1, 0, 4)));
  }

  private HttpResponse<String> get(StatusServer server, String path, @Nullable String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersHealthReadinessAndMetrics() throws Exception {
    try (StatusServer server =
        StatusServer.start(new InetSocketAddress("127.0.0.1", 0), null, health, metrics())) {
      assertThat(get(server, "/healthz", null).statusCode()).isEqualTo(200);
      HttpResponse<String> ready = get(server, "/readyz", null);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).isEqualTo("sensors not started\n");
      notReady.clear();
      assertThat(get(server, "/readyz", null).statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(server, "/metrics", null);
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
      assertThat(metrics.body())
          .contains("tapio_build_info{java=")
          .contains("version=\"1.2.3\"} 1")
          .contains("tapio_pipeline_events_received_total 10.0")
          .contains("tapio_pipeline_events_dropped_total 1.0")
          .contains("tapio_pipeline_events_late_total 3.0")
          .contains("tapio_enrich_process_history_misses_total 4.0")
          .contains("tapio_alerts_suppressed_total 3.0");
      assertThat(get(server, "/nothing", null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withATokenEveryRequestWithoutItGets401() throws Exception {
    try (StatusServer server =
        StatusServer.start(new InetSocketAddress("127.0.0.1", 0), "s3cret", health, metrics())) {
      for (String path : List.of("/healthz", "/readyz", "/metrics")) {
        HttpResponse<String> none = get(server, path, null);
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(none.body()).doesNotContain("tapio_");
        assertThat(get(server, path, "wrong").statusCode()).as(path).isEqualTo(401);
      }
      assertThat(get(server, "/healthz", "s3cret").statusCode()).isEqualTo(200);
      assertThat(get(server, "/metrics", "s3cret").body()).contains("tapio_build_info");
    }
  }

  @Test
  void openProbesAnswerWithoutTheTokenButMetricsStillNeedIt() throws Exception {
    try (StatusServer server =
        StatusServer.start(
            new InetSocketAddress("127.0.0.1", 0), "s3cret", true, health, metrics())) {
      assertThat(get(server, "/healthz", null).statusCode()).isEqualTo(200);
      assertThat(get(server, "/readyz", null).statusCode()).isIn(200, 503);
      assertThat(get(server, "/readyz", null).statusCode()).isNotEqualTo(401);
      assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(401);
      assertThat(get(server, "/nothing", null).statusCode()).isEqualTo(401);
      assertThat(get(server, "/metrics", "s3cret").body()).contains("tapio_build_info");
    }
  }

  @Test
  void theKillSwitchNeedsATokenEvenOnLoopbackAndOnlyAnswersPost() throws Exception {
    List<String> detached = new ArrayList<>();
    Admin admin =
        reason -> {
          detached.add(reason);
          return "detached";
        };
    try (StatusServer open =
        StatusServer.start(
            new InetSocketAddress("127.0.0.1", 0), null, false, health, metrics(), admin)) {
      HttpResponse<String> refused = post(open, "/admin/detach", null);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).isEqualTo(StatusServer.ADMIN_NEEDS_TOKEN);
    }
    try (StatusServer server =
        StatusServer.start(
            new InetSocketAddress("127.0.0.1", 0), "s3cret", true, health, metrics(), admin)) {
      assertThat(post(server, "/admin/detach", null).statusCode()).isEqualTo(401);
      assertThat(post(server, "/admin/detach", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(server, "/admin/detach", "s3cret").statusCode()).isEqualTo(405);
      assertThat(detached).isEmpty();
      HttpResponse<String> done = post(server, "/admin/detach", "s3cret");
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).isEqualTo("detached\n");
      assertThat(detached).containsExactly("POST /admin/detach");
    }
  }

  private HttpResponse<String> post(StatusServer server, String path, @Nullable String token)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
