package dev.tapio.app.pipeline;

import static dev.tapio.app.reload.RuleFixtures.BROKEN;
import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.reload.LiveRules;
import dev.tapio.app.reload.ReloadResult;
import dev.tapio.app.reload.RuleLoad;
import dev.tapio.rules.Match;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules file edited while events flow: each reload changes which rule fires from one event to the
 * next, a broken edit keeps the rules live, and every event handed over is matched exactly once —
 * counted in equals counted out.
 */
class HotReloadTest {
  @TempDir Path dir;

  @Test
  void editsWhileEventsFlowSwapTheRulesWithoutLosingAnEvent() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Gen 1", "/tmp/x"));
    List<Match> matched = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sent = new AtomicInteger();
    try (LiveRules live = LiveRules.load(options(List.of(file), "rules.watch=false"))) {
      List<RuleLoad> audit = Collections.synchronizedList(new ArrayList<>());
      live.startReloading(false, base -> {}, audit::add);
      EngineMetrics metrics = metrics();
      metrics.reloads(live::stats);
      Pipeline pipeline =
          new Pipeline(PipelineTest.ENRICH, live.matcher(), matched::add, e -> {}, 65_536).start();
      Thread feeder =
          Thread.ofPlatform()
              .start(
                  () -> {
                    int i = 0;
                    while (!stop.get()) {
                      pipeline.accept(openNow(i % 2 == 0 ? "/tmp/x" : "/tmp/y"));
                      sent.incrementAndGet();
                      if (++i % 20 == 0) {
                        sleep(1);
                      }
                    }
                  });
      awaitMatches(matched, 50);

      Files.writeString(file, rule("Gen 2", "/tmp/x"));
      assertThat(live.reloadNow("test")).isInstanceOf(ReloadResult.Reloaded.class);
      awaitMatches(matched, matched.size() + 50);

      Files.writeString(file, BROKEN);
      ReloadResult broken = live.reloadNow("test");
      assertThat(broken).isInstanceOf(ReloadResult.Failed.class);
      assertThat(((ReloadResult.Failed) broken).report()).contains("rules.yaml:3:53");
      assertThat(metrics.scrape())
          .contains("tapio_rules_reloads_total{result=\"failure\"} 1.0")
          .contains("tapio_rules_reloads_total{result=\"success\"} 1.0")
          .contains("tapio_rules_last_reload_success 0.0");
      awaitMatches(matched, matched.size() + 50); // still Gen 2

      Files.writeString(file, rule("Gen 3", "/tmp/x"));
      assertThat(live.reloadNow("test")).isInstanceOf(ReloadResult.Reloaded.class);
      assertThat(live.reloadNow("test")).isInstanceOf(ReloadResult.Unchanged.class);
      awaitMatches(matched, matched.size() + 50);
      assertThat(metrics.scrape()).contains("tapio_rules_last_reload_success 1.0");
      // Every load that changed something or failed is on the audit trail; "unchanged" is not.
      assertThat(audit).hasSize(3);
      assertThat(audit.get(0).error()).isNull();
      assertThat(audit.get(1).error()).contains("rules.yaml:3:53");
      assertThat(audit.get(2).error()).isNull();
      assertThat(audit.get(2).files()).containsExactly(file.toString());
      assertThat(audit.get(2).sha256()).isNotEqualTo(audit.get(0).sha256()).hasSize(64);
      assertThat(audit.get(2).liveRules()).isEqualTo(1);

      stop.set(true);
      feeder.join();
      pipeline.close();
      live.matcher().close();

      PipelineStats stats = pipeline.stats();
      assertThat(stats.received()).isEqualTo(sent.get());
      assertThat(stats.droppedQueueFull()).isZero();
      assertThat(stats.failed()).isZero();
      assertThat(stats.processed()).isEqualTo(sent.get());
      // Every /tmp/x open raised exactly one alert, from the generation live when it was matched.
      assertThat(matched).hasSize((sent.get() + 1) / 2);
      List<String> names = matched.stream().map(m -> m.rule().name()).toList();
      assertThat(names.stream().distinct().toList()).containsExactly("Gen 1", "Gen 2", "Gen 3");
      assertThat(names).isSortedAccordingTo(String::compareTo); // one block per generation
      assertThat(matched).extracting(m -> m.event().event().header().timeNanos()).isSorted();
    }
  }

  private static final long EPOCH_NANOS = java.time.Instant.now().getEpochSecond() * 1_000_000_000L;
  private static final long START = System.nanoTime();

  /** An open at the time it is made (the pipeline puts events back in time order first). */
  private static FileOpen openNow(String path) {
    long now = EPOCH_NANOS + System.nanoTime() - START;
    return new FileOpen(
        new EventHeader(now, 100, 100, 0, Namespaces.UNKNOWN), "openat", path, path, 0, 0, 3);
  }

  private static EngineMetrics metrics() {
    return new EngineMetrics(
        "test", MetricSources.of(() -> null, () -> null, () -> null, () -> null, () -> null));
  }

  private static void awaitMatches(List<Match> matched, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (matched.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(matched.size()).isGreaterThanOrEqualTo(count);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
