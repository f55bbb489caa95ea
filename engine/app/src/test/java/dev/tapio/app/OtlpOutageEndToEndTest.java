package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.alerts.OtlpAttributes;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.app.OtlpLogsReceiver.Received;
import dev.tapio.app.config.ConfigLoader;
import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.FlagValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OTLP receiver is down for five real minutes while {@code tapio run} raises alerts, with the
 * delivery settings at their defaults (spool on, retries and backoff as shipped): when it comes
 * back, every alert the engine raised arrives exactly once, and so does the dropped-events record
 * of a kernel drop forced during the outage. Only what forcing that drop needs differs from the
 * defaults (a 4KiB ring buffer, no per-cgroup limit), plus where the spool lives and no HTTP
 * listener, so that tests running beside this one do not share either.
 */
@Tag("privileged")
@HostOnly("five real minutes of OTLP outage: delivery and the spool do not depend on the kernel")
class OtlpOutageEndToEndTest {
  /** Five minutes; {@code -Dtapio.outage=PT1M} shortens it for a quick look, never in CI. */
  private static final Duration OUTAGE = Duration.parse(System.getProperty("tapio.outage", "PT5M"));

  private static final Duration BETWEEN_ALERTS = Duration.ofSeconds(10);

  private static final String MARKER_RULE = "Outage marker read";

  @TempDir Path dir;

  @Test
  void aFiveMinuteOutageLosesNoAlertAndTheDropRecordArrivesAfterIt() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the outage test needs root to load eBPF programs");
    Path markers = Files.createDirectories(dir.resolve("markers"));
    Path rules = dir.resolve("marker.yaml");
    Files.writeString(
        rules,
        """
        - rule: Outage marker read
          desc: a marker file of the outage test was opened
          condition: evt.type in (open, openat, openat2) and fd.name startswith %s/marker-
          output: "outage marker opened (file=%%fd.name proc=%%proc.name)"
          priority: WARNING
        """
            .formatted(markers));
    OtlpLogsReceiver receiver = OtlpLogsReceiver.start();
    int port = receiver.port();
    EffectiveConfig config =
        ConfigLoader.load(
            null,
            Map.of(),
            List.of(
                FlagValue.parse("outputs.otlp.endpoint=" + receiver.endpoint()),
                FlagValue.parse("spool.directory=" + dir.resolve("spool")),
                FlagValue.parse("http.enabled=false"),
                FlagValue.parse("rateLimits.cgroup.fileRecordsPerSecond=0")));
    var options = new EngineOptions(List.of(rules), false, null, false, 4096, Map.of(), config);
    var raised = new InMemoryAlertSink();
    try (Engine engine = new Engine(options, raised)) {
      engine.start();
      read(markers, 0);
      OtlpLogsReceiver first = receiver;
      await(
          "the first alert at the receiver",
          Duration.ofSeconds(30),
          () -> !alerts(first).isEmpty());
      first.close();

      // five minutes down: a marker every ten seconds, and a forced kernel drop a minute before
      // the end (the loss report goes out on its default one-minute tick, into the spool)
      int marker = 1;
      long outageEnd = System.nanoTime() + OUTAGE.toNanos();
      long floodAt = outageEnd - Duration.ofSeconds(70).toNanos();
      boolean flooded = false;
      while (System.nanoTime() < outageEnd - BETWEEN_ALERTS.toNanos()) {
        Thread.sleep(BETWEEN_ALERTS.toMillis());
        read(markers, marker++);
        if (!flooded && System.nanoTime() >= floodAt) {
          Path flood = Files.writeString(markers.resolve("marker-flood"), "x\n");
          EndToEnd.run(
              "sh",
              "-c",
              "i=0; while [ $i -lt 20000 ]; do read x < " + flood + "; i=$((i+1)); done");
          flooded = true;
        }
      }
      Thread.sleep(Math.max(0, (outageEnd - System.nanoTime()) / 1_000_000));
      long markersRaised = markerAlerts(raised);
      assertThat(markersRaised).as("marker alerts raised during the outage").isGreaterThan(20);

      receiver = OtlpLogsReceiver.start(port);
      OtlpLogsReceiver back = receiver;
      await(
          "a dropped-events record with a kernel drop",
          Duration.ofSeconds(150),
          () -> alerts(back).stream().anyMatch(OtlpOutageEndToEndTest::kernelDropRecord));
      await(
          () -> "every raised alert at the receiver; missing: " + missing(raised, first, back),
          Duration.ofSeconds(120),
          () -> ids(first, back).containsAll(raisedIds(raised)));

      // exactly once: before the outage at the first receiver, the rest at the restarted one
      List<String> received =
          java.util.stream.Stream.concat(alerts(first).stream(), alerts(back).stream())
              .map(OtlpOutageEndToEndTest::id)
              .toList();
      assertThat(received).doesNotHaveDuplicates();
      assertThat(raisedIds(raised)).containsAll(received);
      assertThat(
              java.util.stream.Stream.concat(alerts(first).stream(), alerts(back).stream())
                  .filter(r -> MARKER_RULE.equals(r.attributes().get(OtlpAttributes.RULE)))
                  .count())
          .isEqualTo(markerAlerts(raised));
    } finally {
      receiver.close();
    }
  }

  private static void read(Path markers, int i) throws Exception {
    Path file = Files.writeString(markers.resolve("marker-" + i), "x\n"); // our own opens: unseen
    EndToEnd.run("cat", file.toString());
  }

  private static long markerAlerts(InMemoryAlertSink raised) {
    return raised.alerts().stream().filter(a -> a.rule().equals(MARKER_RULE)).count();
  }

  private static Set<String> raisedIds(InMemoryAlertSink raised) {
    Set<String> out = new HashSet<>();
    raised.alerts().stream().map(Alert::id).forEach(out::add);
    return out;
  }

  private static List<Received> alerts(OtlpLogsReceiver receiver) {
    return receiver.records().stream()
        .filter(r -> r.eventName().equals(OtlpAttributes.EVENT_NAME))
        .toList();
  }

  private static Set<String> ids(OtlpLogsReceiver... receivers) {
    Set<String> out = new HashSet<>();
    for (OtlpLogsReceiver r : receivers) {
      alerts(r).stream().map(OtlpOutageEndToEndTest::id).forEach(out::add);
    }
    return out;
  }

  private static String id(Received r) {
    return String.valueOf(r.attributes().get(OtlpAttributes.ALERT_ID));
  }

  private static boolean kernelDropRecord(Received r) {
    return r.body().startsWith(InternalAlerts.DROPS_RULE)
        && r.attributes().get("tapio.drops.kernel") instanceof Long n
        && n > 0;
  }

  private static void await(String what, Duration within, BooleanSupplier done)
      throws InterruptedException {
    await(() -> what, within, done);
  }

  private static void await(
      java.util.function.Supplier<String> what, Duration within, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what.get() + " within " + within);
      }
      Thread.sleep(200);
    }
  }

  private static List<String> missing(InMemoryAlertSink raised, OtlpLogsReceiver... receivers) {
    Set<String> got = ids(receivers);
    return raised.alerts().stream()
        .filter(a -> !got.contains(a.id()))
        .map(a -> a.rule() + " @" + a.timeNanos() + ": " + a.output())
        .limit(20)
        .toList();
  }
}
