package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill switch on a live engine: {@code POST /admin/detach} with the token, and every BPF
 * program the engine loaded is gone from the kernel's program list ({@code bpftool prog}), while
 * {@code /healthz} still answers and {@code /readyz} says why the engine is not ready.
 */
@Tag("privileged")
@Tag("kernel")
class KillSwitchEndToEndTest {
  private static final Pattern PROG_ID = Pattern.compile("^prog_id:\\s+(\\d+)$", Pattern.MULTILINE);
  private static final Pattern BPFTOOL_ID = Pattern.compile("\"id\":(\\d+)");

  @TempDir Path dir;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void theKillSwitchDetachesEveryProgramAndHealthIsStillServed() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the kill switch test needs root to load eBPF programs");
    EffectiveConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("http.address=127.0.0.1:0"),
                FlagValue.parse("http.token=s3cret"),
                FlagValue.parse("spool.directory=" + dir.resolve("spool"))));
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of(), config);
    Set<Long> before = programsThisProcessHolds();
    try (Engine engine = new Engine(options)) {
      engine.start();
      String base = "http://127.0.0.1:" + engine.httpAddress().orElseThrow().getPort();
      Set<Long> ours = new TreeSet<>(programsThisProcessHolds());
      ours.removeAll(before);
      assertThat(ours).as("programs the engine loaded").isNotEmpty();
      assertThat(kernelPrograms()).containsAll(ours);

      assertThat(send(base + "/admin/detach", "POST", null).statusCode()).isEqualTo(401);
      assertThat(kernelPrograms()).containsAll(ours);
      HttpResponse<String> detached = send(base + "/admin/detach", "POST", "s3cret");
      assertThat(detached.statusCode()).isEqualTo(200);
      assertThat(detached.body()).isEqualTo(KillSwitch.DETACHED + "\n");

      // The kernel frees a program once its last reference (link, fd) is gone, after an RCU
      // grace period: poll briefly.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      Set<Long> left = new HashSet<>(ours);
      while (!left.isEmpty() && System.nanoTime() < deadline) {
        left.retainAll(kernelPrograms());
        Thread.sleep(100);
      }
      assertThat(left).as("engine programs still in the kernel's list").isEmpty();
      assertThat(programsThisProcessHolds()).isSubsetOf(before);

      assertThat(send(base + "/healthz", "GET", "s3cret").statusCode()).isEqualTo(200);
      HttpResponse<String> ready = send(base + "/readyz", "GET", "s3cret");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.body()).contains("kill switch engaged");
      assertThat(send(base + "/metrics", "GET", "s3cret").body())
          .contains("tapio_kill_switch_engaged 1.0");
      assertThat(send(base + "/admin/detach", "POST", "s3cret").body())
          .isEqualTo(KillSwitch.ALREADY + "\n");
    }
  }

  /** The BPF program ids behind this process's file descriptors (program and link fds). */
  private static Set<Long> programsThisProcessHolds() throws IOException {
    Set<Long> ids = new TreeSet<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fdinfo"))) {
      for (Path fd : fds.toList()) {
        String info;
        try {
          info = Files.readString(fd, StandardCharsets.UTF_8);
        } catch (IOException e) {
          continue; // closed meanwhile
        }
        Matcher m = PROG_ID.matcher(info);
        while (m.find()) {
          ids.add(Long.parseLong(m.group(1)));
        }
      }
    }
    return ids;
  }

  /** Every program id in the kernel's list, as {@code bpftool prog show} walks it. */
  private static Set<Long> kernelPrograms() throws Exception {
    Process p = new ProcessBuilder("bpftool", "-j", "prog", "show").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    Set<Long> ids = new TreeSet<>();
    Matcher m = BPFTOOL_ID.matcher(out);
    while (m.find()) {
      ids.add(Long.parseLong(m.group(1)));
    }
    return ids;
  }

  private HttpResponse<String> send(String url, String method, @Nullable String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
