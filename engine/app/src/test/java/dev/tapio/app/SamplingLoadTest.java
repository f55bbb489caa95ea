package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SyscallEvent;
import dev.tapio.app.metrics.EngineMetrics;
import dev.tapio.app.metrics.MetricSources;
import dev.tapio.app.pipeline.Pipeline;
import dev.tapio.app.pipeline.PipelineStats;
import dev.tapio.app.pipeline.SamplingSettings;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.Match;
import dev.tapio.rules.RuleLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The load test of the CPU budget: sources push events far faster than the pipeline can match them
 * (every open costs the matcher at least 50µs, so at most ~20,000 opens a second get through,
 * against about a million offered), and the counters must tell the story: sampling engages, opens
 * first; every event of a kind never sampled is matched; the heap after GC stays flat; and once the
 * flood stops, sampling falls back to 1 in 1 and every event passes again. No assertion is about
 * speed: the matcher is slow on purpose, so "behind" holds on any machine.
 */
class SamplingLoadTest {
  private static final SamplingSettings SAMPLING =
      new SamplingSettings(true, 0.5, 0.1, 1.0, 1024, Duration.ofMillis(50));
  private static final CompiledRule RULE =
      RuleLoader.create()
          .loadSources(
              List.of(
                  new RuleLoader.Source(
                      "ptrace.yaml",
                      """
                      - rule: Ptrace attach
                        desc: any ptrace
                        condition: evt.type = ptrace
                        output: "ptrace by %proc.name"
                        priority: WARNING
                      """)))
          .buildRuleSet()
          .rule("Ptrace attach")
          .orElseThrow();

  private static EnrichedEvent enrich(Event e) {
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
  }

  /** Polls {@code done} until it holds, failing after 30 seconds. */
  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what + " within 30s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private final AtomicLong ptracesMatched = new AtomicLong();

  /** Slow for opens and changes (the load), quick for the ptraces (the never-sampled kind). */
  private List<Match> match(EnrichedEvent e) {
    switch (e.event()) {
      case FileOpen o -> LockSupport.parkNanos(50_000);
      case FileChange c -> LockSupport.parkNanos(50_000);
      case SyscallEvent s -> {
        return List.of(new Match(RULE, e));
      }
      default -> {}
    }
    return List.of();
  }

  @Test
  void aFloodIsSampledOpensFirstNeverSampledKindsAllArriveMemoryStaysFlatAndItRecovers()
      throws Exception {
    try (Pipeline pipeline =
        new Pipeline(
                SamplingLoadTest::enrich,
                this::match,
                m -> ptracesMatched.incrementAndGet(),
                e -> {},
                4096,
                Duration.ZERO,
                SAMPLING)
            .start()) {
      long heapBefore = heapAfterGc();

      // the flood: ~1M events a second for 3 seconds, and at least 1.2M events however slowly this
      // thread runs on a busy machine (30 seconds at most); 1 in 500 a ptrace (execs, ptraces and
      // the like are rare beside opens), 1 in 10 a file change
      long ptracesSent = 0;
      long changesSent = 0;
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(3);
      long cap = start + TimeUnit.SECONDS.toNanos(30);
      int openFirstFasterThanChanges = 0;
      int mostOpensSampled = 1;
      long maxHeap = 0;
      long t = 0;
      while (System.nanoTime() < end || (t < 1_200_000 && System.nanoTime() < cap)) {
        for (int i = 0; i < 1000; i++, t++) {
          if (t % 500 == 0) {
            pipeline.accept(new SyscallEvent(header(t), "ptrace", Map.of(), 0));
            ptracesSent++;
          } else if (t % 10 == 0) {
            pipeline.accept(
                new FileChange(
                    header(t), "unlinkat", FileChange.Operation.UNLINK, "/tmp/x", null, 0, 0));
            changesSent++;
          } else {
            pipeline.accept(new FileOpen(header(t), "openat", "/tmp/f", "/tmp/f", 0, 0, 3));
          }
        }
        Map<String, Integer> n = pipeline.stats().keepOneIn();
        mostOpensSampled = Math.max(mostOpensSampled, n.get("file_open"));
        if (n.get("file_open") > n.get("file_change")) {
          openFirstFasterThanChanges++;
        }
        if (t % 500_000 == 0) {
          maxHeap = Math.max(maxHeap, heapAfterGc());
        }
        Thread.sleep(1);
      }
      PipelineStats peak = pipeline.stats();
      maxHeap = Math.max(maxHeap, heapAfterGc());

      // sampling engaged, opens before changes, and the ptraces all matched despite the flood (the
      // sampling rate at its strongest during the flood: on a busy machine this thread may stall
      // long enough for the pipeline to catch up and relax it before the flood ends)
      assertThat(peak.sampled().get("file_open")).isPositive();
      assertThat(mostOpensSampled).isGreaterThan(8);
      assertThat(openFirstFasterThanChanges).isPositive();
      assertThat(peak.sampled().get("file_open")).isGreaterThan(peak.sampled().get("file_change"));
      assertThat(peak.sampled().get("datagram")).isZero();
      final long sent = ptracesSent;
      System.out.printf(
          "flood: %d events, %d ptraces, %d changes; %s%n", t, sent, changesSent, peak);
      await("every ptrace matched", () -> ptracesMatched.get() == sent);
      assertThat(changesSent).isGreaterThan(peak.sampled().get("file_change"));

      // memory flat: the heap after GC did not grow with the events pushed (millions of them)
      assertThat(t).isGreaterThan(1_000_000);
      assertThat(maxHeap - heapBefore).isLessThan(48L << 20);

      // recovery: once the flood stops, back to 1 in 1, and then every event passes
      await(
          "sampling back to 1 in 1",
          () -> pipeline.stats().keepOneIn().values().stream().allMatch(n -> n == 1));
      PipelineStats recovered = pipeline.stats();
      for (int i = 0; i < 200; i++) {
        pipeline.accept(new FileOpen(header(t + i), "openat", "/tmp/g", "/tmp/g", 0, 0, 3));
      }
      await(
          "every open after the flood processed",
          () -> pipeline.stats().processed() == recovered.processed() + 200);
      assertThat(pipeline.stats().sampled()).isEqualTo(recovered.sampled());

      // the counters add up: every event received was processed, sampled away or dropped
      PipelineStats last = pipeline.stats();
      assertThat(last.processed() + last.sampledTotal() + last.droppedQueueFull())
          .isEqualTo(last.received());
      assertThat(last.failed()).isZero();

      // ... and tell the story on /metrics and to the sinks
      String scrape =
          new EngineMetrics(
                  "test",
                  MetricSources.of(() -> pipeline, () -> null, () -> null, () -> null, () -> null))
              .scrape();
      assertThat(scrape)
          .contains(
              "tapio_events_sampled_total{kind=\"file_open\"} "
                  + (double) last.sampled().get("file_open"))
          .contains(
              "tapio_events_sampled_total{kind=\"file_change\"} "
                  + (double) last.sampled().get("file_change"))
          .contains("tapio_events_sampled_total{kind=\"datagram\"} 0.0")
          .contains("tapio_sampling_keep_one_in{kind=\"file_open\"} 1.0");
      List<Alert> reports = new ArrayList<>();
      try (LossReporter reporter =
          new LossReporter(
              pipeline::stats,
              Map::of,
              Duration.ofHours(1),
              reports::add,
              new InternalAlerts("node-1"))) {
        assertThat(reporter.report()).isTrue();
      }
      assertThat(reports.getFirst().outputFields())
          .containsEntry("tapio.sampled.file_open", last.sampled().get("file_open"))
          .containsEntry("tapio.sampled.total", last.sampledTotal())
          .containsEntry("tapio.drops.pipeline", last.droppedQueueFull());
      assertThat(reports.getFirst().output())
          .endsWith(
              "; %d sampled away while the pipeline was behind".formatted(last.sampledTotal()));
    }
  }

  private static EventHeader header(long t) {
    return new EventHeader(t, 100, 100, 0, Namespaces.UNKNOWN);
  }

  private static long heapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
