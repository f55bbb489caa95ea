package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver goes away and comes back: nothing is lost silently, order per source holds. */
class OtlpDeliveryFaultTest {
  private static final int PER_SOURCE = 1000;
  private static final List<String> SOURCES = List.of("syscall", "k8s_audit");

  private static DeliveryPolicy.Builder policy(Path spool) {
    return DeliveryPolicy.builder()
        .batchSize(50)
        .batchDelay(Duration.ofMillis(5))
        .maxAttempts(2)
        .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
        .flushTimeout(Duration.ofSeconds(15))
        .spool(SpoolConfig.at(spool));
  }

  @Test
  void receiverOutageUnderSteadyStreamLosesNothing(@TempDir Path spool) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC)) {
      try (OtlpLogSink sink =
          OtlpLogSinkTest.sinkFor(receiver).delivery(policy(spool).build()).build()) {
        outageUnderStream(receiver, sink, spool);
      }
    }
  }

  private static void outageUnderStream(OtlpReceiver receiver, OtlpLogSink sink, Path spool)
      throws Exception {
    long spooledDuringOutage = 0;
    int i = 0;
    for (; i < 300; i++) {
      sendPair(sink, i);
    }
    receiver.stop();
    long outageStarted = System.nanoTime();
    while (sink.stats().spooled() == 0 || System.nanoTime() - outageStarted < 300_000_000L) {
      assertThat(System.nanoTime() - outageStarted)
          .as("alerts reach the spool during the outage")
          .isLessThan(20_000_000_000L);
      sendPair(sink, i++);
    }
    spooledDuringOutage = sink.stats().spooled();
    receiver.start();
    int total = Math.max(PER_SOURCE, i + 200);
    for (; i < total; i++) {
      sendPair(sink, i);
    }
    sink.flush();
    SinkStats stats = sink.stats();
    sink.close();

    assertThat(spooledDuringOutage).as("alerts went through the spool").isPositive();
    assertThat(stats.totalDropped()).isZero();
    assertThat(stats.pending()).isZero();
    assertThat(stats.delivered()).isEqualTo((long) i * SOURCES.size());
    assertThat(stats.retried()).isPositive();

    Map<String, List<Long>> arrival = new HashMap<>();
    for (OtlpReceiver.Received r : receiver.records()) {
      arrival
          .computeIfAbsent(r.string("tapio.source"), s -> new ArrayList<>())
          .add(r.attributes().get("seq").getIntValue());
    }
    for (String source : SOURCES) {
      // At least once: a batch cut off mid-flight may arrive twice; keep first arrivals.
      List<Long> firstArrivals = List.copyOf(new LinkedHashSet<>(arrival.get(source)));
      assertThat(firstArrivals).as(source).hasSize(i).isSorted();
    }
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).as("the spool is empty again").isEmpty();
    }
  }

  @Test
  void aFullSpoolDropsAndCountsThenDrainsInOrder(@TempDir Path temp) throws Exception {
    Path spool = temp.resolve("spool");
    OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP);
    receiver.stop();
    SpoolConfig small = SpoolConfig.at(spool).withMaxBytes(64 * 1024).withSegmentBytes(8 * 1024);
    try (OtlpLogSink sink =
        OtlpLogSinkTest.sinkFor(receiver)
            .delivery(policy(spool).maxAttempts(1).spool(small).build())
            .build()) {
      for (int i = 0; i < 500; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      SinkStats full = awaitSpoolSettled(sink, 500);
      assertThat(full.dropped(DropReason.SPOOL_FULL)).isPositive();
      assertThat(full.spooled() + full.dropped(DropReason.SPOOL_FULL)).isEqualTo(500);
      assertThat(full.pending()).isEqualTo(full.spooled());
      assertThat(full.toString()).contains("spool_full=" + full.dropped(DropReason.SPOOL_FULL));
      try (Stream<Path> files = Files.list(spool)) {
        for (Path file : files.toList()) {
          assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
              .isEqualTo("rw-------");
        }
      }
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool)))
          .isEqualTo("rwx------");

      receiver.start();
      sink.flush();
      SinkStats after = sink.stats();
      assertThat(after.delivered()).isEqualTo(full.spooled());
      assertThat(after.pending()).isZero();
      List<Long> seqs =
          receiver.records().stream().map(r -> r.attributes().get("seq").getIntValue()).toList();
      assertThat(seqs).hasSize((int) full.spooled()).isSorted().startsWith(0L, 1L, 2L);
    } finally {
      receiver.close();
    }
  }

  @Test
  void spoolSurvivesARestartOfTheSink(@TempDir Path spool) throws Exception {
    OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC);
    receiver.stop();
    DeliveryPolicy p = policy(spool).maxAttempts(1).flushTimeout(Duration.ofMillis(300)).build();
    try (OtlpLogSink sink = OtlpLogSinkTest.sinkFor(receiver).delivery(p).build()) {
      for (int i = 0; i < 100; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
    }
    receiver.start();
    try (OtlpLogSink sink = OtlpLogSinkTest.sinkFor(receiver).delivery(p).build()) {
      assertThat(sink.stats().pending()).isEqualTo(100);
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (sink.stats().delivered() < 100 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(sink.stats().delivered()).as(sink.stats().toString()).isEqualTo(100);
    } finally {
      receiver.close();
    }
    Set<Long> seqs = new LinkedHashSet<>();
    receiver.records().forEach(r -> seqs.add(r.attributes().get("seq").getIntValue()));
    assertThat(List.copyOf(seqs)).hasSize(100).isSorted();
  }

  @Test
  void alertsOlderThanTheSpoolsAgeLimitAreDroppedAndCounted(@TempDir Path spool) throws Exception {
    OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP);
    receiver.stop();
    SpoolConfig shortLived = SpoolConfig.at(spool).withMaxAge(Duration.ofMillis(300));
    try (OtlpLogSink sink =
        OtlpLogSinkTest.sinkFor(receiver)
            .delivery(policy(spool).maxAttempts(1).spool(shortLived).build())
            .build()) {
      for (int i = 0; i < 20; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      awaitSpoolSettled(sink, 20);
      Thread.sleep(400);
      receiver.start();
      sink.send(TestAlerts.numbered("syscall", 20));
      sink.flush();
      SinkStats stats = sink.stats();
      assertThat(stats.dropped(DropReason.SPOOL_EXPIRED)).isEqualTo(20);
      assertThat(stats.delivered()).isEqualTo(1);
      assertThat(receiver.records())
          .extracting(r -> r.string("tapio.alert.id"))
          .containsExactly("syscall-20");
    } finally {
      receiver.close();
    }
  }

  @Test
  void unavailableAnswersAreRetriedWithBackoff(@TempDir Path spool) {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP);
        OtlpLogSink sink =
            OtlpLogSinkTest.sinkFor(receiver)
                .delivery(policy(spool).maxAttempts(5).build())
                .build()) {
      receiver.failNext(3);
      for (int i = 0; i < 10; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      sink.flush();
      SinkStats stats = sink.stats();
      assertThat(stats.delivered()).isEqualTo(10);
      assertThat(stats.retried()).isPositive();
      assertThat(stats.spooled()).isZero();
      assertThat(stats.totalDropped()).isZero();
      assertThat(stats.lastError()).isEqualTo("IOException: OTLP export failed");
      assertThat(receiver.records()).hasSize(10);
    }
  }

  @Test
  void aBurstLargerThanTheSdkQueueIsDeliveredWhole() {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC);
        OtlpLogSink sink =
            OtlpLogSinkTest.sinkFor(receiver)
                .delivery(DeliveryPolicy.builder().queueCapacity(10_000).build())
                .build()) {
      for (int i = 0; i < 10_000; i++) {
        sink.send(TestAlerts.numbered("syscall", i));
      }
      sink.flush();
      assertThat(sink.stats().totalDropped()).isZero();
      assertThat(sink.stats().delivered()).isEqualTo(10_000);
      assertThat(receiver.records()).hasSize(10_000);
    }
  }

  /** A steady stream: one alert per source about every millisecond. */
  private static void sendPair(OtlpLogSink sink, int i) throws InterruptedException {
    for (String source : SOURCES) {
      sink.send(TestAlerts.numbered(source, i));
    }
    Thread.sleep(1);
  }

  private static SinkStats awaitSpoolSettled(OtlpLogSink sink, int sent) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    SinkStats stats = sink.stats();
    while (stats.spooled() + stats.totalDropped() < sent && System.nanoTime() < deadline) {
      Thread.sleep(10);
      stats = sink.stats();
    }
    return stats;
  }
}
