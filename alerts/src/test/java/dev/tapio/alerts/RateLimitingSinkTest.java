package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RateLimitingSinkTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final InMemoryAlertSink memory = new InMemoryAlertSink();

  private static Alert shell(String id, String cmdline, long evtTime) {
    Alert base = TestAlerts.shellAlert(id);
    Map<String, @Nullable Object> fields = new LinkedHashMap<>(base.outputFields());
    fields.put("proc.cmdline", cmdline);
    fields.put("evt.time", evtTime);
    return base.withOutputFields(fields);
  }

  private RateLimitingSink.Builder limiter() {
    return RateLimitingSink.builder()
        .window(Duration.ofSeconds(10))
        .perKey(2)
        .manualClock(now::get);
  }

  @Test
  void identicalAlertsBeyondTheLimitAreSummedUp() {
    RateLimitingSink sink = limiter().build(memory);
    for (int i = 0; i < 10; i++) {
      sink.send(shell("a-" + i, "bash -c id", i)); // evt.time differs: still identical
    }
    sink.send(shell("b-0", "bash -c whoami", 0)); // another key
    assertThat(memory.alerts()).extracting(Alert::id).containsExactly("a-0", "a-1", "b-0");

    now.addAndGet(10 * SECOND);
    sink.tick();

    List<Alert> alerts = memory.alerts();
    assertThat(alerts).hasSize(4);
    Alert summary = alerts.get(3);
    assertThat(summary.id()).isEqualTo("a-9-summary");
    assertThat(summary.outputFields()).containsEntry(RateLimitingSink.SUPPRESSED_FIELD, 8L);
    assertThat(summary.output())
        .isEqualTo(
            "8 identical alerts suppressed within 10s; last one: "
                + "A shell was spawned in a container (user=root shell=bash container=web)");
    assertThat(sink.stats()).isEqualTo(new RateLimitingSink.Stats(3, 8, 1));
  }

  @Test
  void aNewWindowLetsAlertsThroughAgainAfterTheSummary() {
    RateLimitingSink sink = limiter().build(memory);
    for (int i = 0; i < 3; i++) {
      sink.send(shell("a-" + i, "bash -c id", i));
    }
    now.addAndGet(11 * SECOND);
    sink.send(shell("a-3", "bash -c id", 3));
    assertThat(memory.alerts())
        .extracting(Alert::id)
        .containsExactly("a-0", "a-1", "a-2-summary", "a-3");
  }

  @Test
  void perRuleLimitAndKeyFields() {
    RateLimitingSink sink =
        limiter().rule("Terminal shell in container", 1, List.of("proc.name")).build(memory);
    sink.send(shell("a-0", "bash -c id", 0));
    sink.send(shell("a-1", "bash -c whoami", 1)); // same proc.name: identical for this rule
    sink.flush();
    assertThat(memory.alerts()).extracting(Alert::id).containsExactly("a-0", "a-1-summary");
  }

  @Test
  void globalLimitCapsAllAlerts() {
    RateLimitingSink sink = limiter().perKey(100).global(3).build(memory);
    for (int i = 0; i < 5; i++) {
      sink.send(shell("k-" + i, "cmd " + i, i));
    }
    assertThat(memory.alerts()).extracting(Alert::id).containsExactly("k-0", "k-1", "k-2");
    sink.close();
    assertThat(memory.alerts())
        .extracting(Alert::id)
        .containsExactly("k-0", "k-1", "k-2", "k-3-summary", "k-4-summary");
  }

  @Test
  void differentContainersAreDifferentAlerts() {
    RateLimitingSink sink = limiter().perKey(1).build(memory);
    sink.send(shell("pod", "bash -c id", 0));
    Alert host = TestAlerts.numbered("syscall", 0);
    Alert hostShell =
        new Alert(
            "host",
            "Terminal shell in container",
            host.priority(),
            "x",
            shell("h", "bash -c id", 0).outputFields(),
            host.tags(),
            host.source(),
            host.timeNanos(),
            host.event());
    sink.send(hostShell);
    assertThat(memory.alerts()).extracting(Alert::id).containsExactly("pod", "host");
  }
}
