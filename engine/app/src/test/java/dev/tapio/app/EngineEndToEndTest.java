package dev.tapio.app;

import static dev.tapio.app.EndToEnd.awaitAlerts;
import static dev.tapio.app.EndToEnd.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.recording.Recording;
import dev.tapio.rules.MatchingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole engine on the real kernel: sensors, enrichment, the bundled rules, alerts. Then the
 * same session's recording replayed offline must raise the same alerts.
 */
@Tag("privileged")
class EngineEndToEndTest {
  @TempDir Path dir;

  @Test
  void realActionsRaiseAlertsAndTheirRecordingReplaysToTheSameAlerts() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the engine end-to-end test needs root to load eBPF programs");
    Path recording = dir.resolve("session.jsonl");
    Path dropped = dir.resolve("tapio-e2e-dropper");
    Files.copy(Path.of("/bin/true"), dropped);
    Files.setPosixFilePermissions(dropped, PosixFilePermissions.fromString("rwx------"));
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(), false, recording, false, 1 << 22, Map.of());

    try (Engine engine = new Engine(options, live)) {
      engine.start();
      run("cat", "/etc/shadow");
      run(dropped.toString());
      awaitAlerts(live, 2);
    }

    assertThat(live.alerts())
        .extracting(Alert::rule)
        .contains("Credential file read", "Program run from a temporary directory");
    // the machine is shared: the alerts about this test's own programs
    Alert shadow = first(live.alerts(), "Credential file read", "proc.name", "cat");
    assertThat(shadow.outputFields())
        .containsEntry("fd.name", "/etc/shadow")
        .containsEntry("proc.name", "cat")
        .containsEntry("container.id", "host");
    assertThat(shadow.event().process().pid()).isPositive();
    assertThat(shadow.event().lineage().chain()).hasSizeGreaterThan(1);
    Alert temp =
        first(
            live.alerts(),
            "Program run from a temporary directory",
            "proc.exepath",
            dropped.toString());
    assertThat(temp.outputFields()).containsEntry("proc.exepath", dropped.toString());

    List<EnrichedEvent> events = Recording.read(recording);
    assertThat(events).isNotEmpty();
    List<Alert> replayed = new ArrayList<>();
    try (MatchingSession session = new MatchingSession(RuleSets.load(List.of()))) {
      events.forEach(e -> session.match(e).forEach(m -> replayed.add(m.render())));
    }
    assertThat(replayed)
        .extracting(Alert::rule, Alert::output, Alert::timeNanos)
        .containsExactlyElementsOf(
            live.alerts().stream()
                .map(a -> org.assertj.core.groups.Tuple.tuple(a.rule(), a.output(), a.timeNanos()))
                .toList());
  }

  private static Alert first(List<Alert> alerts, String rule, String field, String value) {
    return alerts.stream()
        .filter(a -> a.rule().equals(rule) && value.equals(a.outputFields().get(field)))
        .findFirst()
        .orElseThrow();
  }
}
