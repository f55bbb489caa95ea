package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.NamespaceChange;
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
 * An event read after a later exec of its process, further behind than the reorder delay (its
 * sensor's ring was read late): the bundled rules, real enrichment and the pipeline still blame it
 * on the program that made it.
 */
class LateEventTest {
  static final long T = 1_700_000_000_000_000_000L;
  static final long MS = 1_000_000L;

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
    pipeline = new Pipeline(enricher::enrich, session::match, matches::add, e -> {}, 16);
  }

  @AfterEach
  void stop() {
    session.close();
    enricher.close();
  }

  static EventHeader header(long time, int pid) {
    return new EventHeader(time, pid, pid, 0, Namespaces.UNKNOWN);
  }

  static ProcessExec exec(long time, int pid, int ppid, String path, String... argv) {
    return new ProcessExec(
        header(time, pid),
        "execve",
        path,
        path,
        List.of(argv),
        "/root",
        path.substring(path.lastIndexOf('/') + 1),
        ppid,
        pid,
        pid,
        0,
        Credentials.root(),
        false,
        false);
  }

  static NamespaceChange chroot(long time, int pid, String path) {
    return new NamespaceChange(
        header(time, pid),
        "chroot",
        0,
        path,
        null,
        Namespaces.UNKNOWN,
        Namespaces.UNKNOWN,
        Namespaces.UNKNOWN,
        0);
  }

  static FileOpen open(long time, int pid, String path) {
    return new FileOpen(header(time, pid), "openat", path, path, 0, 0, 3);
  }

  /** The process sensor's ring, read first: the execs, then anything later than the delay. */
  void processRingThenLateChroot(ProcessExec before, ProcessExec after, NamespaceChange chroot) {
    pipeline.processBatch(
        List.of(
            exec(T, 10, 1, "/bin/bash", "bash"),
            before,
            after,
            open(T + Pipeline.REORDER_DELAY.toNanos() + 50 * MS, 10, "/tmp/later")));
    assertThat(matches).isEmpty();
    // the privilege sensor's ring, read more than the reorder delay behind: its chroot happened
    // between the two execs of pid 20
    pipeline.processBatch(List.<Event>of(chroot));
  }

  @Test
  void aChrootReadAfterTheExecThatFollowedItNamesTheChroot() {
    processRingThenLateChroot(
        exec(T + MS, 20, 10, "/usr/sbin/chroot", "chroot", "/", "/bin/true"),
        exec(T + 3 * MS, 20, 10, "/bin/true", "true"),
        chroot(T + 2 * MS, 20, "/"));

    assertThat(matches).extracting(m -> m.rule().name()).containsExactly("Root directory changed");
    Alert alert = matches.getFirst().render();
    assertThat(alert.outputFields())
        .containsEntry("proc.name", "chroot")
        .containsEntry("proc.cmdline", "chroot / /bin/true")
        .containsEntry("evt.arg.path", "/");
    assertThat(alert.output()).contains("process=chroot ");
    assertThat(enricher.metrics().processHistoryMisses()).isZero();
    assertThat(pipeline.stats().late()).isEqualTo(1);
  }

  @Test
  void aRuntimesPivotReadAfterItExecsTheEntrypointRaisesNothing() {
    // runc changes root as part of its work (tapio_root_changers), then execs the container's
    // program; blamed on that program, the change would be an alert
    processRingThenLateChroot(
        exec(T + MS, 20, 10, "/usr/bin/runc", "runc", "init"),
        exec(T + 3 * MS, 20, 10, "/usr/bin/python3", "python3", "app.py"),
        chroot(T + 2 * MS, 20, "/run/containerd/rootfs"));

    assertThat(matches).isEmpty();
    assertThat(pipeline.stats().processed()).isEqualTo(4);
    assertThat(pipeline.stats().late()).isEqualTo(1);
  }
}
