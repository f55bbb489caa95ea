package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A correlation over real kernel events through a live engine with the bundled rules: in a cgroup
 * shaped like a Docker container's, a shell copies a program to a new file and runs it, twice. The
 * copy (an open for writing) and the first run (an exec of that path) complete <em>New binary
 * written then run in a container</em>: exactly one correlated alert, naming both steps' events;
 * the second run, with no write before it, adds none.
 */
@Tag("privileged")
class CorrelationEndToEndTest {
  private static final String RULE = "New binary written then run in a container";

  @TempDir Path dir;

  @Test
  void aBinaryWrittenThenRunInOneContainerRaisesOneCorrelatedAlert() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the correlation end-to-end test needs root to load eBPF programs");
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Path dropped = dir.resolve("tapio-dropped");
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of());

    try (TestCgroup container = TestCgroup.dockerContainer(id);
        Engine engine = new Engine(options, live)) {
      engine.start();
      String script = "cp /bin/true %s && %s && %s".formatted(dropped, dropped, dropped);
      EndToEnd.run(container.wrap("sh", "-c", script).toArray(String[]::new));
      awaitAlert(live, id);
      Thread.sleep(1_000); // a second alert, were there one, would have come by now
    }

    List<Alert> correlated = ofContainer(live, id);
    assertThat(correlated).as("alerts of '%s' in the container", RULE).hasSize(1);
    Alert alert = correlated.getFirst();
    assertThat(alert.outputFields())
        .containsEntry("run.proc.exepath", dropped.toString())
        .containsEntry("write.proc.cmdline", "cp /bin/true " + dropped)
        .containsEntry("proc.cmdline", "tapio-dropped");
    Object write = alert.outputFields().get("correlation.write.id");
    Object run = alert.outputFields().get("correlation.run.id");
    assertThat(write).isNotNull().asString().isNotBlank();
    assertThat(run).isNotNull().asString().isNotBlank().isNotEqualTo(write);
    assertThat(alert.timeNanos()).isEqualTo(alert.event().event().header().timeNanos());
  }

  private static List<Alert> ofContainer(InMemoryAlertSink sink, String id) {
    return sink.alerts().stream()
        .filter(a -> a.rule().equals(RULE))
        .filter(a -> id.startsWith(String.valueOf(a.outputFields().get("container.id"))))
        .toList();
  }

  private static void awaitAlert(InMemoryAlertSink sink, String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (ofContainer(sink, id).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
