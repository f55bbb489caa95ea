package dev.tapio.app.pipeline;

import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.JsonLinesSink;
import dev.tapio.alerts.internal.OtlpMapper;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.AlertSink;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.reload.LiveRules;
import dev.tapio.app.reload.Shadow;
import dev.tapio.rules.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shadow file changes a live rule and adds one: both run on the same events as the live rules,
 * their alerts carry {@code tapio.shadow} in JSON and OTLP, and the metrics count them apart from
 * the live rule of the same name.
 */
class ShadowRulesTest {
  @TempDir Path dir;

  @Test
  void shadowAlertsAreMarkedAndCountedApart() throws Exception {
    Path live = Files.writeString(dir.resolve("live.yaml"), rule("Tmp read", "/tmp/x"));
    Path shadow =
        Files.writeString(
            dir.resolve("shadow.yaml"),
            """
            - rule: Tmp read
              desc: reads anything under /tmp (trying a wider condition)
              condition: evt.type = openat and fd.name startswith /tmp/
              output: "read %fd.name"
              priority: WARNING
            """
                + rule("Passwd read", "/etc/passwd"));
    try (LiveRules rules = LiveRules.load(options(List.of(live), "rules.shadow.files=" + shadow))) {
      assertThat(rules.current().live().rules())
          .extracting(r -> r.name())
          .containsExactly("Tmp read");
      assertThat(rules.current().shadowRules())
          .extracting(r -> r.name())
          .containsExactly("Tmp read", "Passwd read");

      EngineMetrics metrics =
          new EngineMetrics(
              "test", MetricSources.of(() -> null, () -> null, () -> null, () -> null, () -> null));
      metrics.rulesLoaded(rules.current().live().rules());
      metrics.shadowRulesLoaded(rules.current().shadowRules());
      InMemoryAlertSink sink = new InMemoryAlertSink();
      AlertSink counted = metrics.counting(sink);
      for (String path : List.of("/tmp/x", "/tmp/y", "/etc/passwd", "/etc/hosts")) {
        for (Match m :
            rules.matcher().match(PipelineTest.ENRICH.apply(PipelineTest.open(1, path)))) {
          counted.send(rules.matcher().render(m));
        }
      }
      rules.matcher().close();

      List<Alert> alerts = sink.alerts();
      List<Alert> liveAlerts = alerts.stream().filter(a -> !Shadow.isShadow(a)).toList();
      List<Alert> shadowAlerts = alerts.stream().filter(Shadow::isShadow).toList();
      assertThat(liveAlerts).extracting(Alert::rule).containsExactly("Tmp read");
      assertThat(shadowAlerts)
          .extracting(Alert::rule)
          .containsExactly("Tmp read", "Tmp read", "Passwd read");

      assertThat(JsonLinesSink.format(shadowAlerts.getFirst())).contains("\"tapio.shadow\":true");
      assertThat(JsonLinesSink.format(liveAlerts.getFirst())).doesNotContain("tapio.shadow");
      OtlpMapper otlp = new OtlpMapper(() -> 0L);
      assertThat(otlp.map(shadowAlerts.getFirst()).attributes())
          .containsEntry("tapio.shadow", true);
      assertThat(otlp.map(liveAlerts.getFirst()).attributes()).doesNotContainKey("tapio.shadow");

      assertThat(metrics.scrape())
          .contains("tapio_alerts_total{priority=\"WARNING\",rule=\"Tmp read\"} 1.0")
          .contains("tapio_shadow_alerts_total{priority=\"WARNING\",rule=\"Tmp read\"} 2.0")
          .contains("tapio_shadow_alerts_total{priority=\"WARNING\",rule=\"Passwd read\"} 1.0")
          .doesNotContain("tapio_alerts_total{priority=\"WARNING\",rule=\"Passwd read\"}");
    }
  }

  @Test
  void aShadowFileThatChangesNothingRunsNoShadowSession() throws Exception {
    Path live = Files.writeString(dir.resolve("live.yaml"), rule("Tmp read", "/tmp/x"));
    Path same = Files.writeString(dir.resolve("same.yaml"), rule("Tmp read", "/tmp/x"));
    try (LiveRules rules = LiveRules.load(options(List.of(live), "rules.shadow.files=" + same))) {
      assertThat(rules.current().shadow()).isNull();
      rules.matcher().close();
    }
  }
}
