package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.rules.Match;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PipelineTest {

  static FileOpen open(int i, String path) {
    return new FileOpen(
        new EventHeader(i, 100, 100, 0, Namespaces.UNKNOWN), "openat", path, path, 0, 0, 3);
  }

  static final Function<Event, EnrichedEvent> ENRICH =
      e -> {
        var p =
            new ProcessInfo(
                e.header().pid(),
                e.header().pid(),
                1,
                "cat",
                "cat",
                "/usr/bin/cat",
                List.of(),
                "/",
                1,
                1,
                0,
                Credentials.root(),
                0,
                false,
                false);
        return new EnrichedEvent(
            e,
            Lineage.of(p),
            new UserInfo(0, "root", null, null, -1, null, 0, "root"),
            ContainerInfo.HOST,
            null,
            "node");
      };

  static List<Match> shadowRule(EnrichedEvent e) {
    if (e.event() instanceof FileOpen o && o.path().equals("/etc/shadow")) {
      return List.of(new Match(ShadowRule.RULE, e));
    }
    return List.of();
  }

  @Test
  void eventsFlowInOrderFromSourceToSink() {
    List<Match> matched = Collections.synchronizedList(new ArrayList<>());
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (var pipeline =
        new Pipeline(ENRICH, PipelineTest::shadowRule, matched::add, e -> seen.add(e.type()), 64)
            .start()) {
      for (int i = 0; i < 50; i++) {
        pipeline.accept(open(i, i % 10 == 0 ? "/etc/shadow" : "/tmp/f" + i));
      }
    }
    assertThat(seen).hasSize(50);
    assertThat(matched)
        .extracting(m -> m.event().event().header().timeNanos())
        .containsExactly(0L, 10L, 20L, 30L, 40L);
  }

  @Test
  void anEventAfterAnIdleSpellWakesThePipelineAtOnce() throws Exception {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (var pipeline =
        new Pipeline(ENRICH, PipelineTest::shadowRule, m -> {}, e -> seen.add(e.type()), 64)
            .start()) {
      Thread.sleep(300); // the pipeline thread is asleep with nothing queued or held
      long handedOver = System.nanoTime();
      pipeline.accept(open(1, "/tmp/a")); // long past its reorder delay: due at once
      while (seen.isEmpty() && System.nanoTime() - handedOver < 5_000_000_000L) {
        Thread.sleep(1);
      }
      // well before the idle sleep's own end (a second): the event woke the thread
      assertThat(seen).hasSize(1);
      assertThat(System.nanoTime() - handedOver).isLessThan(500_000_000L);
    }
  }

  @Test
  void aPipelineThatFallsBehindDropsAndCountsNeverBlocksTheSource() throws Exception {
    var release = new CountDownLatch(1);
    RuleMatcher slow =
        e -> {
          try {
            release.await();
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          return List.of();
        };
    var pipeline = new Pipeline(ENRICH, slow, m -> {}, e -> {}, 8).start();
    for (int i = 0; i < 1_000; i++) {
      pipeline.accept(open(i, "/tmp/x"));
    }
    release.countDown();
    pipeline.close();

    PipelineStats stats = pipeline.stats();
    assertThat(stats.received()).isEqualTo(1_000);
    assertThat(stats.droppedQueueFull()).isPositive();
    assertThat(stats.processed() + stats.droppedQueueFull()).isEqualTo(1_000);
  }

  @Test
  void aFailingEventIsCountedAndTheRestGoOn() {
    List<Match> matched = Collections.synchronizedList(new ArrayList<>());
    Function<Event, EnrichedEvent> flaky =
        e -> {
          if (e.header().timeNanos() == 3) {
            throw new IllegalStateException("broken event");
          }
          return ENRICH.apply(e);
        };
    var pipeline = new Pipeline(flaky, PipelineTest::shadowRule, matched::add, e -> {}, 64).start();
    for (int i = 0; i < 6; i++) {
      pipeline.accept(open(i, "/etc/shadow"));
    }
    pipeline.close();
    assertThat(pipeline.stats().failed()).isEqualTo(1);
    assertThat(pipeline.stats().processed()).isEqualTo(5);
    assertThat(matched).hasSize(5);
  }

  @Test
  void eventsWaitForTheConfiguredReorderDelayAndThoseReadLaterAreCounted() {
    long ms = 1_000_000L;
    List<Long> seen = new ArrayList<>();
    var pipeline =
        new Pipeline(
            ENRICH,
            PipelineTest::shadowRule,
            m -> {},
            e -> seen.add(e.event().header().timeNanos()),
            64,
            java.time.Duration.ofMillis(200));
    pipeline.processBatch(List.of(open((int) ms, "/a"), open((int) (101 * ms), "/b")));
    assertThat(seen).isEmpty(); // 100 ms apart: both still inside the delay

    pipeline.processBatch(List.of(open((int) (301 * ms), "/c")));
    assertThat(seen).containsExactly(ms, 101 * ms);
    assertThat(pipeline.stats().late()).isZero();

    // read after the newer ones were released: processed at once, counted as late
    pipeline.processBatch(List.of(open((int) (51 * ms), "/d")));
    assertThat(seen).containsExactly(ms, 101 * ms, 51 * ms);
    assertThat(pipeline.stats().late()).isEqualTo(1);
    assertThat(pipeline.stats().processed()).isEqualTo(3);
  }
}
