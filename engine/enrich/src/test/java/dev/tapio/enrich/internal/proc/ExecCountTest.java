package dev.tapio.enrich.internal.proc;

import static dev.tapio.enrich.Events.TIME;
import static dev.tapio.enrich.Events.at;
import static dev.tapio.enrich.Events.counted;
import static dev.tapio.enrich.Events.exec;
import static dev.tapio.enrich.Events.fork;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.EventHeader;
import dev.tapio.enrich.ProcessTableLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec count records carry tells an event of a program whose exec the table has not seen. */
class ExecCountTest {
  static final long MS = 1_000_000L;

  @TempDir Path etc;
  final AtomicLong clock = new AtomicLong(1_000);

  @BeforeEach
  void users() throws IOException {
    Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\n");
  }

  ProcessTable table(@Nullable ProcfsReader procfs) {
    return new ProcessTable(
        new ProcessTableLimits(64, 16, Duration.ofSeconds(5)),
        procfs,
        new UserDirectory(etc, clock::get),
        clock::get);
  }

  @Test
  void anEventOneExecAheadOfTheLatestProgramIsAheadOfTheTable() {
    ProcessTable table = table(null);
    table.apply(counted(5, at(TIME, exec(10, 1, "/usr/bin/sudo", "sudo"))));

    assertThat(table.aheadOfTable(10, 6)).isTrue();
    assertThat(table.aheadOfTable(10, 9)).as("several execs ahead").isTrue();
    assertThat(table.aheadOfTable(10, 5)).as("the program the table knows").isFalse();
    assertThat(table.aheadOfTable(10, 4)).as("a program before it").isFalse();
    assertThat(table.aheadOfTable(10, EventHeader.NO_EXEC_ID)).isFalse();
    assertThat(table.aheadOfTable(11, 6)).as("a process the table does not know").isFalse();

    table.apply(counted(6, at(TIME + MS, exec(10, 1, "/usr/bin/cat", "cat"))));
    assertThat(table.aheadOfTable(10, 6)).isFalse();
  }

  @Test
  void theCountIsComparedAcrossItsWrap() {
    ProcessTable table = table(null);
    table.apply(counted(EventHeader.MAX_EXEC_ID, at(TIME, exec(10, 1, "/bin/sh", "sh"))));
    assertThat(table.aheadOfTable(10, 0)).isTrue();
    assertThat(table.aheadOfTable(10, EventHeader.MAX_EXEC_ID - 1)).isFalse();
  }

  @Test
  void aForkedChildHasItsParentsCountUntilItExecs() {
    ProcessTable table = table(null);
    table.apply(counted(3, at(TIME, exec(10, 1, "/bin/sh", "sh"))));
    table.apply(counted(3, at(TIME + MS, fork(10, 11))));
    assertThat(table.aheadOfTable(11, 3)).isFalse();
    assertThat(table.aheadOfTable(11, 4)).isTrue();
  }

  @Test
  void aProcessReadFromProcfsHasNoCountAndNothingWaitsForIt() {
    int self = (int) ProcessHandle.current().pid();
    ProcessTable table = table(new ProcfsReader(Path.of("/proc")));
    assertThat(table.get(self)).isNotNull();
    assertThat(table.aheadOfTable(self, 1)).isFalse();
  }

  @Test
  void adoptingTakesTheProcessAsProcfsShowsItWithTheEventsCount() throws IOException {
    int self = (int) ProcessHandle.current().pid();
    ProcessTable table = table(new ProcfsReader(Path.of("/proc")));
    table.apply(counted(5, at(TIME, exec(self, 1, "/usr/bin/sudo", "sudo"))));
    assertThat(table.aheadOfTable(self, 6)).isTrue();

    table.adopt(self, 6, TIME + 2 * MS, 0);

    assertThat(table.aheadOfTable(self, 6)).isFalse();
    assertThat(requireNonNull(table.get(self, TIME + 2 * MS)).name())
        .isEqualTo(Files.readString(Path.of("/proc/self/comm")).strip());
    assertThat(requireNonNull(table.get(self, TIME + MS)).name())
        .as("events before it still name the program before")
        .isEqualTo("sudo");
  }

  @Test
  void adoptingAProcessProcfsNoLongerShowsKeepsItsProgramWithTheNewCount() {
    ProcessTable table = table(null);
    table.apply(counted(5, at(TIME, exec(10, 1, "/usr/bin/sudo", "sudo"))));
    table.adopt(10, 6, TIME + 2 * MS, 0);
    assertThat(table.aheadOfTable(10, 6)).isFalse();
    assertThat(requireNonNull(table.get(10)).name()).isEqualTo("sudo");
  }
}
