package dev.tapio.app;

import static dev.tapio.app.EndToEnd.run;
import static dev.tapio.app.reload.RuleFixtures.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live engine on the real kernel whose rules file is edited: the next read raises the new rule's
 * alert, not the old one's, and a broken edit leaves the new rule firing.
 */
@Tag("privileged")
@HostOnly("rules file edits and reload: nothing here depends on the kernel")
class RuleReloadEndToEndTest {
  @TempDir Path dir;

  private static String shadowRead(String name) {
    return """
        - rule: %s
          desc: reads /etc/shadow
          condition: evt.type in (open, openat, openat2) and fd.name = /etc/shadow
          output: "%s read %%fd.name by %%proc.name"
          priority: WARNING
        """
        .formatted(name, name);
  }

  @Test
  void anEditedRulesFileChangesWhichAlertsFire() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the reload end-to-end test needs root to load eBPF programs");
    Path rules = Files.writeString(dir.resolve("rules.yaml"), shadowRead("Before edit"));
    var alerts = new InMemoryAlertSink();
    try (Engine engine =
        new Engine(
            options(
                List.of(rules),
                "http.enabled=false",
                "spool.directory=" + dir.resolve("spool"),
                "rateLimits.alerts.enabled=false"),
            alerts)) {
      engine.start();
      run("cat", "/etc/shadow");
      awaitRule(alerts, "Before edit");

      Files.writeString(rules, shadowRead("After edit")); // the watcher reloads
      awaitRule(alerts, InternalAlerts.RULES_LOADED, "file change");
      int seen = EndToEnd.ruleAlerts(alerts).size();
      run("cat", "/etc/shadow");
      awaitRule(alerts, "After edit");

      Files.writeString(rules, "- rule: Broken\n  condition: evt.type = (\n");
      awaitRule(alerts, InternalAlerts.RULES_FAILED, "file change");
      run("cat", "/etc/shadow");
      Thread.sleep(1_000);
      List<String> after =
          EndToEnd.ruleAlerts(alerts).stream().skip(seen).map(Alert::rule).distinct().toList();
      assertThat(after).containsExactly("After edit");
      assertThat(
              EndToEnd.ruleAlerts(alerts).stream()
                  .filter(a -> a.rule().equals("After edit"))
                  .count())
          .isGreaterThanOrEqualTo(2);

      // A rule on a path the kernel filter from start drops: the reload lets every open through.
      long loads =
          alerts.alerts().stream()
              .filter(a -> a.rule().equals(InternalAlerts.RULES_LOADED))
              .count();
      Files.writeString(
          rules,
          """
          - rule: Hostname read
            desc: reads /etc/hostname
            condition: evt.type in (open, openat, openat2) and fd.name = /etc/hostname
            output: "hostname read by %proc.name"
            priority: WARNING
          """);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (alerts.alerts().stream()
                  .filter(a -> a.rule().equals(InternalAlerts.RULES_LOADED))
                  .count()
              == loads
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      run("cat", "/etc/hostname");
      awaitRule(alerts, "Hostname read");
      assertThat(EndToEnd.ruleAlerts(alerts)).extracting(Alert::rule).contains("Hostname read");
    }
  }

  private static void awaitRule(InMemoryAlertSink sink, String rule, String... reason)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (sink.alerts().stream()
          .anyMatch(
              a ->
                  a.rule().equals(rule)
                      && (reason.length == 0
                          || reason[0].equals(a.outputFields().get("tapio.rules.reason"))))) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no alert of " + rule + " among " + sink.alerts().stream().map(Alert::rule).toList());
  }
}
