package dev.tapio.app.cli;

import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.app.HostOnly;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code tapio run} process gets a real SIGHUP from {@code kill}: its rules reload (seen in
 * its {@code /metrics}), and SIGTERM still stops it cleanly afterwards.
 */
@Tag("privileged")
@HostOnly("signal handling of the tapio run process: nothing here depends on the kernel")
class RunSighupEndToEndTest {
  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void sighupReloadsTheRulesOfARunningTapio() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: tapio run needs root to load eBPF programs");
    Path rules = Files.writeString(dir.resolve("rules.yaml"), rule("Before", "/tmp/x"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process tapio =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    classpath,
                    "dev.tapio.app.Main",
                    "run",
                    "--rules",
                    rules.toString(),
                    "--set",
                    "http.address=127.0.0.1:" + port,
                    "--set",
                    "rules.watch=false",
                    "--set",
                    "outputs.json.enabled=false",
                    "--set",
                    "spool.directory=" + dir.resolve("spool")))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("tapio.log").toFile())
            .start();
    try {
      String metrics = "http://127.0.0.1:" + port + "/metrics";
      awaitBody(metrics, b -> b.contains("tapio_rules_reloads_total{result=\"success\"} 0.0"));

      Files.writeString(rules, rule("After", "/tmp/x"));
      Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(tapio.pid())).start();
      assertThat(kill.waitFor()).isZero();

      // One scrape reads the families one after another, a reload may land between two of them:
      // wait for a scrape that shows all of it.
      String after =
          awaitBody(
              metrics,
              b ->
                  b.contains("tapio_rules_reloads_total{result=\"success\"} 1.0")
                      && b.contains("tapio_alerts_total{priority=\"WARNING\",rule=\"After\"} 0.0"));
      assertThat(after).contains("tapio_rules_last_reload_success 1.0");
      assertThat(tapio.isAlive()).isTrue();
      assertThat(Files.readString(dir.resolve("tapio.log"))).contains("rules reloaded (SIGHUP)");

      tapio.destroy(); // SIGTERM
      assertThat(tapio.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(tapio.exitValue()).isZero();
    } finally {
      tapio.destroyForcibly();
    }
  }

  /** Polls {@code url} for up to a minute until its body satisfies {@code ready}; returns it. */
  private String awaitBody(String url, Predicate<String> ready) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        last = r.body();
        if (r.statusCode() == 200 && ready.test(last)) {
          return last;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    assertThat(ready.test(last))
        .as("%s never became ready:%n%s%n%s", url, last, Files.readString(dir.resolve("tapio.log")))
        .isTrue();
    return last;
  }
}
