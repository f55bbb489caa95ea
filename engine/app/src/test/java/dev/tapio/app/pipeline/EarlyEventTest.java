package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.app.RuleSets;
import dev.tapio.enrich.Enricher;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An event read before the exec of the program that made it, further ahead than the reorder delay
 * (the process sensor's ring was read late): with the bundled rules, real enrichment and the
 * pipeline, it waits for that exec and names the new program, not the one before.
 */
class EarlyEventTest {
  static final long T = 1_700_000_000_000_000_000L;
  static final long MS = 1_000_000L;
  static final long LATER = Pipeline.REORDER_DELAY.toNanos() + 50 * MS;

  Enricher enricher;
  MatchingSession session;
  final List<Match> matches = new ArrayList<>();
  Pipeline pipeline;

  @BeforeEach
  void start() {
    enricher =
        Enricher.builder()
            .procRoot(null)
            .cgroup2Root(null)
            .seedFromProcfs(false)
            .hostname("node-1")
            .build();
    session = new MatchingSession(RuleSets.load(List.of()));
    // driven batch by batch on this thread, as the pipeline thread drains its queue
    pipeline =
        new Pipeline(
            enricher::enrich,
            ExecTracker.of(enricher::awaitsExec, enricher::execMissed),
            session::match,
            matches::add,
            e -> {},
            16,
            Pipeline.REORDER_DELAY,
            SamplingSettings.OFF);
  }

  @AfterEach
  void stop() {
    session.close();
    enricher.close();
  }

  static EventHeader header(long time, int pid, int execId) {
    return new EventHeader(time, pid, pid, 0, Namespaces.UNKNOWN, execId);
  }

  static ProcessExec exec(long time, int pid, int execId, String path, String... argv) {
    return new ProcessExec(
        header(time, pid, execId),
        "execve",
        path,
        path,
        List.of(argv),
        "/root",
        path.substring(path.lastIndexOf('/') + 1),
        1,
        pid,
        pid,
        0,
        Credentials.root(),
        false,
        false);
  }

  static FileOpen open(long time, int pid, int execId, String path) {
    return new FileOpen(header(time, pid, execId), "openat", path, path, 0, 0, 3);
  }

  @Test
  void aShadowReadReadBeforeTheExecOfCatIsBlamedOnCatNotOnSudo() {
    // the process sensor's ring: sudo, then (read first) nothing newer from it
    pipeline.processBatch(List.of(exec(T, 20, 5, "/usr/bin/sudo", "sudo", "-s")));
    // the file sensor's ring: cat's open of /etc/shadow, and a later event moving time on
    pipeline.processBatch(
        List.<Event>of(
            open(T + 2 * MS, 20, 6, "/etc/shadow"), open(T + LATER, 30, 1, "/tmp/unrelated")));
    assertThat(matches)
        .as("sudo may read /etc/shadow: no alert while cat's exec is awaited")
        .isEmpty();
    assertThat(pipeline.stats().execWaits()).isEqualTo(1);

    // the process sensor's ring, read late: sudo became cat between the two
    pipeline.processBatch(
        List.<Event>of(
            exec(T + MS, 20, 6, "/usr/bin/cat", "cat", "/etc/shadow"),
            open(T + 2 * LATER, 30, 1, "/tmp/unrelated")));

    assertThat(matches).extracting(m -> m.rule().name()).containsExactly("Credential file read");
    Alert alert = matches.getFirst().render();
    assertThat(alert.outputFields())
        .containsEntry("proc.name", "cat")
        .containsEntry("proc.cmdline", "cat /etc/shadow")
        .containsEntry("fd.name", "/etc/shadow");
    assertThat(pipeline.stats().execWaitsTimedOut()).isZero();
    assertThat(pipeline.stats().late()).as("the exec was late, the open was not").isEqualTo(1);
  }

  @Test
  void eventsOfTheSameProgramKeepTheirOrderBehindTheFirstThatWaits() {
    List<String> seen = new ArrayList<>();
    Pipeline tapped =
        new Pipeline(
            enricher::enrich,
            ExecTracker.of(enricher::awaitsExec, enricher::execMissed),
            session::match,
            matches::add,
            e -> {
              if (e.event() instanceof FileOpen open) {
                seen.add(e.process().name() + " " + open.path());
              }
            },
            16,
            Pipeline.REORDER_DELAY,
            SamplingSettings.OFF);
    tapped.processBatch(List.of(exec(T, 20, 5, "/bin/sh", "sh")));
    tapped.processBatch(
        List.<Event>of(
            open(T + 2 * MS, 20, 6, "/tmp/a"),
            open(T + 3 * MS, 20, 6, "/tmp/b"),
            open(T + 4 * MS, 21, 1, "/tmp/other"),
            open(T + LATER, 30, 1, "/tmp/x")));
    assertThat(seen).containsExactly(" /tmp/other");
    tapped.processBatch(
        List.<Event>of(
            exec(T + MS, 20, 6, "/usr/bin/cat", "cat"), open(T + 2 * LATER, 30, 1, "/y")));
    assertThat(seen).containsExactly(" /tmp/other", "cat /tmp/a", "cat /tmp/b", " /tmp/x");
    assertThat(tapped.stats().execWaits()).isEqualTo(2);
  }

  @Test
  void anEventOfTheProgramBeforeTheExecDoesNotWait() {
    pipeline.processBatch(List.of(exec(T, 20, 5, "/usr/bin/sudo", "sudo", "-s")));
    pipeline.processBatch(
        List.<Event>of(
            open(T + 2 * MS, 20, 5, "/etc/shadow"), open(T + LATER, 30, 1, "/tmp/unrelated")));
    assertThat(matches).isEmpty();
    assertThat(pipeline.stats().processed()).isEqualTo(2);
    assertThat(pipeline.stats().execWaits()).isZero();
  }
}
