package dev.tapio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tapio replay} writes the alerts {@code tapio run} writes with the same configuration: its
 * rules, its rule selection and its {@code append_output}.
 */
class ReplayCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  Path recording;
  Path rules;

  @BeforeEach
  void files() throws Exception {
    recording = dir.resolve("events.jsonl");
    Files.writeString(
        recording,
        """
        {"type": "execve", "time": "2026-03-01T10:00:00Z", "process": {"cmdline": "/bin/bash -i", "tty": 34816}, "container": {"id": "aaaaaaaaaaaa"}}
        {"type": "execve", "time": "2026-03-01T10:00:01Z", "process": {"cmdline": "/usr/bin/id"}, "container": {"id": "aaaaaaaaaaaa"}}
        """);
    rules = dir.resolve("rules.yaml");
    Files.writeString(
        rules,
        """
        - rule: Shell started
          desc: a shell
          condition: evt.type = execve and proc.name = bash
          output: shell %proc.cmdline
          priority: WARNING
          tags: [shell]
        """);
  }

  @Test
  void theDefaultConfigurationAddsContainerAndPodAsTapioRunDoes() throws Exception {
    CliRunner r = CliRunner.run("replay", recording.toString(), "--rules", rules.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err()).contains("replayed 2 events: 1 alerts");
    JsonNode alert = only(r.out());
    assertThat(alert.at("/rule").asText()).isEqualTo("Shell started");
    assertThat(alert.at("/output").asText())
        .startsWith("shell bash -i")
        .contains("container_id=aaaaaaaaaaaa");
    assertThat(alert.at("/output_fields/container.id").asText()).isEqualTo("aaaaaaaaaaaa");
  }

  @Test
  void theConfigurationsAppendOutputAndRulesApply() throws Exception {
    Path config = dir.resolve("tapio.yaml");
    Files.writeString(
        config,
        """
        rules:
          files: [%s]
        append_output:
          - match:
              tags: [shell]
            extra_output: "tty=%%proc.tty"
            extra_fields:
              - team: payments
        """
            .formatted(rules));

    CliRunner r = CliRunner.run("replay", recording.toString(), "--config", config.toString());

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode alert = only(r.out());
    assertThat(alert.at("/output").asText())
        .isEqualTo("shell bash -i tty=34816")
        .doesNotContain("container_id=");
    assertThat(alert.at("/output_fields/team").asText()).isEqualTo("payments");
  }

  @Test
  void aBrokenConfigurationIsReportedWithItsPosition() throws Exception {
    Path config = dir.resolve("tapio.yaml");
    Files.writeString(config, "append_output: yes\n");

    CliRunner r = CliRunner.run("replay", recording.toString(), "--config", config.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("tapio.yaml:1:16: append_output must be a list");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aRuleSelectionTurnsRulesOff() throws Exception {
    CliRunner r =
        CliRunner.run(
            "replay",
            recording.toString(),
            "--rules",
            rules.toString(),
            "--set",
            "rules.disable.tags=shell");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("replayed 2 events: 0 alerts");
  }

  private static JsonNode only(String out) throws Exception {
    assertThat(out.lines()).hasSize(1);
    return JSON.readTree(out.lines().findFirst().orElseThrow());
  }
}
