package dev.tapio.enrich.internal.proc;

import static dev.tapio.enrich.Events.TIME;
import static dev.tapio.enrich.Events.at;
import static dev.tapio.enrich.Events.exec;
import static dev.tapio.enrich.Events.exit;
import static dev.tapio.enrich.Events.fork;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.enrich.ProcessTableLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events resolved as of their own time: programs replaced by a later exec are kept for a while. */
class ProcessHistoryTest {
  static final long MS = 1_000_000L;
  static final Credentials ALICE = new Credentials(1000, 1000, 1000, 1000, 1000, 0, 0, 0);

  @TempDir Path etc;
  final AtomicLong clock = new AtomicLong(1_000);

  @BeforeEach
  void users() throws IOException {
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nalice:x:1000:\n");
  }

  ProcessTable table(int generations, Duration history) {
    return new ProcessTable(
        new ProcessTableLimits(64, 16, Duration.ofSeconds(5)).withHistory(generations, history),
        null,
        new UserDirectory(etc, clock::get),
        clock::get);
  }

  ProcessTable table() {
    return table(4, Duration.ofSeconds(5));
  }

  static String name(ProcessTable table, int pid, long time) {
    return table.lineage(pid, time).process().name();
  }

  @Test
  void anEventBetweenTwoExecsGetsTheProgramThatRanThen() {
    ProcessTable table = table();
    table.apply(at(TIME + MS, exec(10, 1, 0, ALICE, "/usr/sbin/chroot", "chroot", "/", "true")));
    table.apply(at(TIME + 3 * MS, exec(10, 1, 0, Credentials.root(), "/bin/true", "true")));

    ProcessInfo then = table.lineage(10, TIME + 2 * MS).process();
    assertThat(then.name()).isEqualTo("chroot");
    assertThat(then.exePath()).isEqualTo("/usr/sbin/chroot");
    assertThat(then.args()).containsExactly("/", "true");
    assertThat(then.credentials()).isEqualTo(ALICE);
    assertThat(table.user(10, TIME + 2 * MS).name()).isEqualTo("alice");
    assertThat(requireNonNull(table.get(10, TIME + 2 * MS)).name()).isEqualTo("chroot");

    // the exec itself and everything after it belong to the new program
    assertThat(name(table, 10, TIME + 3 * MS)).isEqualTo("true");
    assertThat(name(table, 10, TIME + 4 * MS)).isEqualTo("true");
    assertThat(table.user(10, TIME + 4 * MS).name()).isEqualTo("root");
    assertThat(requireNonNull(table.get(10)).name()).isEqualTo("true");
    assertThat(table.historyMisses()).isZero();
  }

  @Test
  void anEventBeforeTheChildsExecGetsTheCopyOfItsParent() {
    ProcessTable table = table();
    table.apply(at(TIME + MS, exec(10, 1, "/bin/bash", "bash", "-i")));
    table.apply(at(TIME + 2 * MS, fork(10, 11)));
    table.apply(at(TIME + 4 * MS, exec(11, 10, "/usr/bin/curl", "curl", "-s")));

    Lineage before = table.lineage(11, TIME + 3 * MS);
    assertThat(before.chain()).extracting(ProcessInfo::name).containsExactly("bash", "bash");
    assertThat(before.process().args()).containsExactly("-i");
    assertThat(table.lineage(11, TIME + 5 * MS).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("curl", "bash");
    assertThat(table.historyMisses()).isZero();
  }

  @Test
  void ancestorsAreThoseOfTheEventsTimeAndTheCacheDoesNotMixThemUp() {
    ProcessTable table = table();
    table.apply(at(TIME + MS, exec(10, 1, "/bin/bash", "bash")));
    table.apply(at(TIME + 2 * MS, fork(10, 11)));
    table.apply(at(TIME + 3 * MS, exec(11, 10, "/usr/bin/vim", "vim")));
    table.apply(at(TIME + 5 * MS, exec(10, 1, "/usr/bin/zsh", "zsh"))); // the parent execs later

    Lineage now = table.lineage(11, TIME + 6 * MS);
    assertThat(now.chain()).extracting(ProcessInfo::name).containsExactly("vim", "zsh");
    assertThat(table.lineage(11, TIME + 4 * MS).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("vim", "bash");
    assertThat(table.lineage(11, TIME + 7 * MS)).isSameAs(now);
    assertThat(table.lineage(11, TIME + 4 * MS).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("vim", "bash");
  }

  @Test
  void anEventBeforeEveryKeptProgramGetsTheOldestAndIsCounted() {
    ProcessTable table = table(2, Duration.ofSeconds(5));
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 2 * MS, exec(10, 1, "/usr/bin/env", "env")));
    table.apply(at(TIME + 3 * MS, exec(10, 1, "/usr/bin/nc", "nc")));

    assertThat(name(table, 10, TIME + 2 * MS + MS / 2)).isEqualTo("env");
    assertThat(table.historyMisses()).isZero();
    assertThat(name(table, 10, TIME + MS + MS / 2)).isEqualTo("env"); // sh is no longer kept
    assertThat(table.historyMisses()).isEqualTo(1);
  }

  @Test
  void aReplacedProgramIsDroppedOnceItsSuccessorIsOlderThanTheHistory() {
    ProcessTable table = table(4, Duration.ofSeconds(1));
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 2 * MS, exec(10, 1, "/usr/bin/env", "env")));
    table.apply(at(TIME + 3 * MS, exec(20, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 4 * MS, exec(20, 1, "/usr/bin/env", "env")));

    // pid 10: an event two seconds on shows nothing that old can still come; sh goes
    assertThat(name(table, 10, TIME + 2_000 * MS)).isEqualTo("env");
    assertThat(name(table, 10, TIME + MS + MS / 2)).isEqualTo("env");
    assertThat(table.historyMisses()).isEqualTo(1);

    // pid 20: its next exec two seconds on drops sh and keeps env, which it replaces now
    table.apply(at(TIME + 2_000 * MS, exec(20, 1, "/usr/bin/nc", "nc")));
    assertThat(name(table, 20, TIME + 5 * MS)).isEqualTo("env");
    assertThat(name(table, 20, TIME + 3 * MS + MS / 2)).isEqualTo("env");
    assertThat(table.historyMisses()).isEqualTo(2);
  }

  @Test
  void lookupsOfTheLatestProgramKeepTheHistory() {
    ProcessTable table = table(4, Duration.ofSeconds(1));
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 2 * MS, exec(10, 1, "/usr/bin/env", "env")));

    assertThat(table.lineage(10).process().name()).isEqualTo("env");
    assertThat(table.user(10).name()).isEqualTo("alice");
    assertThat(name(table, 10, TIME + MS)).isEqualTo("sh");
    assertThat(table.historyMisses()).isZero();
  }

  @Test
  void oneGenerationKeepsOnlyTheLatestProgramAndCountsEveryLateEvent() {
    ProcessTable table = table(1, Duration.ofSeconds(5));
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 3 * MS, exec(10, 1, "/bin/true", "true")));

    assertThat(name(table, 10, TIME + 2 * MS)).isEqualTo("true");
    assertThat(table.historyMisses()).isEqualTo(1);
  }

  @Test
  void anEventReadAfterItsProcessExitedStillFindsIt() {
    ProcessTable table = table();
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 2 * MS, exit(10)));

    assertThat(name(table, 10, TIME + MS + MS / 2)).isEqualTo("sh");
    assertThat(table.historyMisses()).isZero();
  }

  @Test
  void aPidReusedAfterAnExitStillAnswersForItsFormerProcess() {
    ProcessTable table = table();
    table.apply(at(TIME + MS, exec(10, 1, "/bin/sh", "sh")));
    table.apply(at(TIME + 2 * MS, exit(10)));
    table.apply(at(TIME + 3 * MS, exec(30, 1, "/usr/sbin/cron", "cron")));
    table.apply(at(TIME + 4 * MS, fork(30, 10))); // the pid comes round again
    table.apply(at(TIME + 5 * MS, exec(10, 30, "/usr/bin/nc", "nc")));

    assertThat(table.lineage(10, TIME + MS + MS / 2).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("sh");
    assertThat(table.lineage(10, TIME + 6 * MS).chain())
        .extracting(ProcessInfo::name)
        .containsExactly("nc", "cron");
    assertThat(table.historyMisses()).isZero();

    // the former process's linger ends; the new one stays, and so does its history for a while
    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    table.apply(at(TIME + 7 * MS, exec(31, 1, "/bin/true", "true")));
    assertThat(name(table, 10, TIME + 6 * MS)).isEqualTo("nc");
    assertThat(name(table, 10, TIME + MS + MS / 2)).isEqualTo("sh");
  }
}
