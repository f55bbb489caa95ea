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
@Tag("kernel")
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
      long deadline = System.nanoTime() + 20_000_000_000L;
      while ((live.alerts().stream()
                  .noneMatch(a -> dropped.toString().equals(a.outputFields().get("proc.exepath")))
              || live.alerts().stream()
                  .noneMatch(a -> "cat".equals(a.outputFields().get("proc.name"))))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    List<Alert> raised = EndToEnd.ruleAlerts(live);

    assertThat(raised)
        .extracting(Alert::rule)
        .contains("Credential file read", "Program run from a temporary directory");
    Alert shadow =
        raised.stream()
            .filter(a -> a.rule().equals("Credential file read"))
            .filter(a -> "cat".equals(a.outputFields().get("proc.name")))
            .findFirst()
            .orElseThrow();
    assertThat(shadow.outputFields())
        .containsEntry("fd.name", "/etc/shadow")
        .containsEntry("proc.name", "cat")
        .containsEntry("container.id", "host");
    assertThat(shadow.event().process().pid()).isPositive();
    assertThat(shadow.event().lineage().chain()).hasSizeGreaterThan(1);
    // Other programs on this machine may run from /tmp too: this test's is among them.
    assertThat(raised)
        .filteredOn(a -> a.rule().equals("Program run from a temporary directory"))
        .extracting(a -> a.outputFields().get("proc.exepath"))
        .contains(dropped.toString());

    List<EnrichedEvent> events = Recording.read(recording);
    assertThat(events).isNotEmpty();
    List<Alert> replayed = new ArrayList<>();
    try (MatchingSession session = new MatchingSession(RuleSets.load(List.of()))) {
      // rendered as the live engine renders them: with the default append_output
      var append =
          dev.tapio.app.pipeline.OutputAppender.of(dev.tapio.app.config.AppendOutput.DEFAULT);
      events.forEach(e -> session.match(e).forEach(m -> replayed.add(append.apply(m.render()))));
    }
    // The replay raises what the live run raised about this test's own programs. (Other programs
    // on a shared machine differ between the two: the live alert rate limit and late metadata.)
    java.util.function.Predicate<Alert> ours =
        a ->
            "cat".equals(a.outputFields().get("proc.name"))
                || dropped.toString().equals(a.outputFields().get("proc.exepath"));
    assertThat(replayed.stream().filter(ours).toList())
        .extracting(Alert::rule, Alert::output, Alert::timeNanos)
        .isNotEmpty()
        .containsExactlyElementsOf(
            raised.stream()
                .filter(ours)
                .map(a -> org.assertj.core.groups.Tuple.tuple(a.rule(), a.output(), a.timeNanos()))
                .toList());
  }
}
