package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SeccompViolation.Action;
import dev.tapio.api.event.SeccompViolation.Source;
import dev.tapio.app.RuleSets;
import dev.tapio.enrich.Enricher;
import dev.tapio.rules.Match;
import dev.tapio.rules.MatchingSession;
import dev.tapio.sensors.internal.audit.Twins;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seccomp kill whose audit record is read before the SIGSYS event of the ring buffer (the audit
 * group is often the quicker path): the records go through the twin filter in that order, then the
 * pipeline with real enrichment and the bundled rules. One alert, carrying the process and the
 * container of the task that was killed, whether the signal comes or not.
 */
class AuditFirstTest {
  static final long T = 1_700_000_000_000_000_000L;
  static final long MS = 1_000_000L;
  static final String ID = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  static final String KILLED = "Seccomp filter killed or trapped a syscall";
  static final String REFUSED = "Seccomp filter refused or logged a syscall";

  @TempDir Path cgroup2;
  long containerCgroup;
  long now;
  Enricher enricher;
  MatchingSession session;
  final List<Match> matches = new ArrayList<>();
  final List<Event> delivered = new ArrayList<>();
  Twins twins;
  Pipeline pipeline;

  @BeforeEach
  void start() throws IOException {
    Path container =
        Files.createDirectories(cgroup2.resolve("system.slice/cri-containerd-" + ID + ".scope"));
    containerCgroup = (Long) Files.getAttribute(container, "unix:ino");
    enricher =
        Enricher.builder()
            .procRoot(null)
            .cgroup2Root(cgroup2)
            .seedFromProcfs(false)
            .hostname("node-1")
            .build();
    session = new MatchingSession(RuleSets.load(List.of()));
    pipeline = new Pipeline(enricher::enrich, session::match, matches::add, e -> {}, 16);
    twins = new Twins(delivered::add, Duration.ofMillis(100), () -> now);
  }

  @AfterEach
  void stop() {
    session.close();
    enricher.close();
  }

  /** What the twin filter passed on so far goes through the pipeline, then everything left. */
  void pump() {
    pipeline.processBatch(List.copyOf(delivered));
    delivered.clear();
  }

  void finish() {
    twins.releaseAll();
    pump();
    pipeline.processBatch(List.of(exit(T + 10_000 * MS, 30))); // moves the reorder window on
  }

  static EventHeader header(long time, int pid, long cgroup) {
    return new EventHeader(time, pid, pid, cgroup, Namespaces.UNKNOWN);
  }

  ProcessExec exec(long time, int pid, String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new ProcessExec(
        header(time, pid, containerCgroup),
        "execve",
        path,
        path,
        List.of(name),
        "/",
        name,
        1,
        pid,
        pid,
        0,
        new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0),
        false,
        false);
  }

  static ProcessExit exit(long time, int pid) {
    return new ProcessExit(header(time, pid, 0), 0, 31, true);
  }

  SeccompViolation violation(long time, Source source, Action action) {
    // an audit record names no cgroup when its task was reaped before /proc could be read
    long cgroup = source == Source.AUDIT ? 0 : containerCgroup;
    return new SeccompViolation(
        header(time, 30, cgroup), 110, "getppid", action, action == Action.ERRNO ? 1 : 0, source);
  }

  /** The helper starts in the container; its exec is read from the process ring. */
  void helperStarts() {
    twins.accept(exec(T, 30, "/usr/local/bin/violate"));
  }

  @Test
  void theSignalReadAfterTheAuditRecordIsTheAlert() {
    helperStarts();
    twins.accept(violation(T + MS, Source.AUDIT, Action.KILL_PROCESS)); // audit group: first
    now += 10 * MS;
    twins.accept(violation(T + 2 * MS, Source.SIGNAL, Action.KILL_PROCESS)); // ring: after
    finish();

    assertThat(matches).extracting(m -> m.rule().name()).containsExactly(KILLED);
    Alert alert = matches.getFirst().render();
    assertThat(alert.outputFields())
        .containsEntry("tapio.seccomp.source", "signal")
        .containsEntry("proc.name", "violate")
        .containsEntry("container.id", ID.substring(0, 12));
  }

  @Test
  void anAuditRecordWhoseSignalNeverComesIsBlamedOnTheProcessAndItsContainer() {
    helperStarts();
    // stamped by the coarse audit clock: before the exec it followed
    twins.accept(violation(T - 2 * MS, Source.AUDIT, Action.KILL_PROCESS));
    pump();
    assertThat(matches).isEmpty(); // held for its twin
    // the hold outlasts the reorder delay: meanwhile the exec left the reorder buffer, moved on by
    // the events of other processes
    now += 60 * MS;
    twins.accept(exit(T + 60 * MS, 31));
    pump();
    now += 40 * MS;
    twins.releaseDue();
    finish();

    assertThat(matches).extracting(m -> m.rule().name()).containsExactly(KILLED);
    Alert alert = matches.getFirst().render();
    assertThat(alert.outputFields())
        .containsEntry("tapio.seccomp.source", "audit")
        .containsEntry("proc.name", "violate")
        .containsEntry("container.id", ID.substring(0, 12));
  }

  @Test
  void anErrnoRefusalReadAfterItsAuditRecordIsOneAlert() {
    helperStarts();
    twins.accept(violation(T + MS, Source.AUDIT, Action.ERRNO));
    now += 5 * MS;
    twins.accept(violation(T + 2 * MS, Source.ERRNO, Action.ERRNO));
    finish();

    assertThat(matches).extracting(m -> m.rule().name()).containsExactly(REFUSED);
    assertThat(matches.getFirst().render().outputFields())
        .containsEntry("tapio.seccomp.source", "errno")
        .containsEntry("proc.name", "violate")
        .containsEntry("container.id", ID.substring(0, 12));
  }
}
