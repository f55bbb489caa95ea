package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A container that lives for a few milliseconds: its process reads /etc/shadow and exits, and its
 * cgroup is removed before the engine enriches the read (the reorder delay is set to two seconds to
 * make sure). The engine learned the cgroup's path when it was created, so the alert still names
 * the container, not the host.
 */
@Tag("privileged")
@Tag("kernel")
class ShortLivedContainerEndToEndTest {
  private static final String RULE = "Credential file read";

  @Test
  void aContainerGoneBeforeItsEventsAreEnrichedIsStillNamed() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the short-lived container test needs root to load eBPF programs");
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    var live = new InMemoryAlertSink();
    EffectiveConfig config =
        EffectiveConfig.embedded(Map.of())
            .with(Settings.REORDER_DELAY, Duration.ofSeconds(2), "the test");
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of(), config);

    Optional<Alert> alert;
    try (Engine engine = new Engine(options, live)) {
      engine.start();
      TestCgroup container = TestCgroup.dockerContainer(id);
      long cgroupId = container.id();
      try (container) {
        EndToEnd.run(container.wrap("cat", "/etc/shadow").toArray(String[]::new));
      }
      alert = awaitAlert(live, cgroupId);
    }

    assertThat(alert).as("the %s alert of the container's cat", RULE).isPresent();
    assertThat(alert.orElseThrow().outputFields())
        .containsEntry("container.id", id.substring(0, 12))
        .containsEntry("proc.name", "cat");
  }

  private static Optional<Alert> awaitAlert(InMemoryAlertSink sink, long cgroupId)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Alert> found =
          sink.alerts().stream()
              .filter(a -> a.rule().equals(RULE))
              .filter(a -> a.event().event().header().cgroupId() == cgroupId)
              .findFirst();
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }
}
