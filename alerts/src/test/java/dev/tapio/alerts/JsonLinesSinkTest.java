package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesSinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DeliveryPolicy FAST =
      DeliveryPolicy.builder().batchDelay(Duration.ofMillis(5)).build();

  @Test
  void alertHasFalcosJsonShape() throws Exception {
    JsonNode json = JSON.readTree(JsonLinesSink.format(TestAlerts.shellAlert("a-1")));

    assertThat(json.properties().stream().map(java.util.Map.Entry::getKey).toList())
        .containsExactly(
            "hostname",
            "output",
            "output_fields",
            "priority",
            "rule",
            "source",
            "tags",
            "time",
            "uuid");
    assertThat(json.get("hostname").asText()).isEqualTo("node-1");
    assertThat(json.get("output").asText())
        .isEqualTo("A shell was spawned in a container (user=root shell=bash container=web)");
    assertThat(json.get("priority").asText()).isEqualTo("Warning");
    assertThat(json.get("rule").asText()).isEqualTo("Terminal shell in container");
    assertThat(json.get("source").asText()).isEqualTo("syscall");
    assertThat(json.get("time").asText()).isEqualTo("2026-11-26T09:14:03.123456789Z");
    assertThat(json.get("uuid").asText()).isEqualTo("a-1");
    List<String> tags = new ArrayList<>();
    json.get("tags").forEach(t -> tags.add(t.asText()));
    assertThat(tags).containsExactly("T1059", "container", "mitre_execution", "shell");

    JsonNode fields = json.get("output_fields");
    assertThat(fields.get("proc.name").isTextual()).isTrue();
    assertThat(fields.get("proc.pid").isIntegralNumber()).isTrue();
    assertThat(fields.get("proc.pid").asLong()).isEqualTo(4242L);
    assertThat(fields.get("proc.tty").asInt()).isEqualTo(34816);
    assertThat(fields.get("evt.is_open_write").isBoolean()).isTrue();
    assertThat(fields.has("fd.name")).isTrue();
    assertThat(fields.get("fd.name").isNull()).isTrue();
  }

  @Test
  void timeIsRfc3339WithNineFractionDigitsInUtc() {
    assertThat(dev.tapio.alerts.internal.FalcoJson.time(0))
        .isEqualTo("1970-01-01T00:00:00.000000000Z");
    assertThat(dev.tapio.alerts.internal.FalcoJson.time(1_000_000_000L + 5))
        .isEqualTo("1970-01-01T00:00:01.000000005Z");
    String time = dev.tapio.alerts.internal.FalcoJson.time(TestAlerts.TIME_NANOS);
    assertThat(time).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z");
    Instant parsed = Instant.parse(time);
    assertThat(parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano())
        .isEqualTo(TestAlerts.TIME_NANOS);
  }

  @Test
  void writesOneLinePerAlertInOrder() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonLinesSink sink = JsonLinesSink.to(out, FAST)) {
      for (int i = 0; i < 100; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      sink.flush();
      assertThat(sink.stats().delivered()).isEqualTo(100);
      assertThat(sink.stats().accepted()).isEqualTo(100);
      assertThat(sink.stats().totalDropped()).isZero();
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(100);
    for (int i = 0; i < 100; i++) {
      assertThat(JSON.readTree(lines.get(i)).get("output_fields").get("seq").asLong()).isEqualTo(i);
    }
  }

  @Test
  void fileIsCreatedPrivateAndAppended(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("alerts.json");
    try (JsonLinesSink sink = JsonLinesSink.file(file, FAST)) {
      sink.send(TestAlerts.shellAlert("a-1"));
    }
    try (JsonLinesSink sink = JsonLinesSink.file(file, FAST)) {
      sink.send(TestAlerts.shellAlert("a-2"));
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readAllLines(file))
        .extracting(line -> JSON.readTree(line).get("uuid").asText())
        .containsExactly("a-1", "a-2");
  }

  @Test
  void aFullQueueDropsAndCountsInsteadOfBlocking() {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.io.OutputStream stuck =
        new java.io.OutputStream() {
          @Override
          public void write(int b) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    DeliveryPolicy tiny =
        DeliveryPolicy.builder()
            .queueCapacity(10)
            .batchSize(1)
            .batchDelay(Duration.ofMillis(1))
            .flushTimeout(Duration.ofMillis(200))
            .build();
    JsonLinesSink sink = JsonLinesSink.to(stuck, tiny);
    for (int i = 0; i < 100; i++) {
      sink.send(TestAlerts.numbered("syscall", i));
    }
    SinkStats stats = sink.stats();
    assertThat(stats.accepted()).isEqualTo(100);
    assertThat(stats.dropped(DropReason.QUEUE_FULL)).isBetween(89L, 90L);
    assertThat(stats.pending() + stats.totalDropped()).isEqualTo(100);
    release.countDown();
    sink.close();
    SinkStats after = sink.stats();
    assertThat(after.delivered() + after.totalDropped()).isEqualTo(100);
    assertThat(after.pending()).isZero();
  }
}
