package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AlertPipelineTest {

  private static Alert withSecret(String id) {
    Alert base = TestAlerts.shellAlert(id);
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(base.outputFields());
    fields.put("proc.cmdline", "curl -H 'Authorization: Bearer abcdefgh12345678' https://x");
    return base.withOutputFields(fields);
  }

  @Test
  void scrubsThenLimitsThenFansOut() throws Exception {
    InMemoryAlertSink memory = new InMemoryAlertSink();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong();
    JsonLinesSink json =
        JsonLinesSink.to(out, DeliveryPolicy.builder().batchDelay(Duration.ofMillis(5)).build());
    try (AlertPipeline pipeline =
        AlertPipeline.builder()
            .rateLimit(RateLimitingSink.builder().perKey(1).manualClock(clock::get))
            .sink(memory)
            .sink(json)
            .build()) {
      pipeline.send(withSecret("a-1"));
      pipeline.send(withSecret("a-2"));
      pipeline.flush();

      assertThat(memory.alerts()).extracting(Alert::id).containsExactly("a-1", "a-2-summary");
      assertThat(memory.alerts().getFirst().outputFields().get("proc.cmdline"))
          .isEqualTo("curl -H 'Authorization: Bearer [REDACTED]' https://x");
      assertThat(pipeline.stats()).extracting(SinkStats::sink).containsExactly("json");
      assertThat(pipeline.stats().getFirst().delivered()).isEqualTo(2);
      assertThat(pipeline.rateLimitStats().suppressed()).isEqualTo(1);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2).noneMatch(line -> line.contains("abcdefgh12345678"));
    assertThat(
            new ObjectMapper()
                .readTree(lines.get(1))
                .get("output_fields")
                .get("tapio.suppressed")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void needsASink() {
    assertThatThrownBy(() -> AlertPipeline.builder().build())
        .hasMessage("an alert pipeline needs at least one sink");
  }
}
