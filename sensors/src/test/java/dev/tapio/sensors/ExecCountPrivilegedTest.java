package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessFork;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every record carries its task's exec count, which the engine uses to tell an event made by a
 * program whose exec record it has not read yet (another ring) from one of the program before.
 */
@Tag("privileged")
class ExecCountPrivilegedTest {
  private static final Path TMP = Path.of("/tmp");
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of("execve", "clone", "clone3", "fork", "vfork", "openat"), events);
  }

  @AfterAll
  static void stop() {
    if (sensors != null) {
      sensors.close();
    }
  }

  @Test
  void anExecCountsOneMoreAndTheNewProgramsRecordsCarryIt() throws Exception {
    // the shell opens /etc/hostname itself, then becomes cat, which opens it again: same pid
    Process sh = Privileged.run(TMP, "sh", "-c", "read x < /etc/hostname; exec cat /etc/hostname");
    int pid = (int) sh.pid();
    FileOpen bySh =
        events
            .await(
                FileOpen.class, e -> e.header().pid() == pid && e.rawPath().equals("/etc/hostname"))
            .orElseThrow();
    ProcessExec cat =
        events
            .await(ProcessExec.class, e -> e.header().pid() == pid && e.filename().endsWith("cat"))
            .orElseThrow();
    FileOpen byCat =
        events
            .await(
                FileOpen.class,
                e ->
                    e.header().pid() == pid
                        && e.rawPath().equals("/etc/hostname")
                        && e.header().timeNanos() > cat.header().timeNanos())
            .orElseThrow();

    assertThat(bySh.header().execId()).isNotEqualTo(EventHeader.NO_EXEC_ID);
    assertThat(cat.header().execId())
        .as("the exec record carries the count after the exec")
        .isEqualTo((bySh.header().execId() + 1) & EventHeader.MAX_EXEC_ID);
    assertThat(byCat.header().execId()).isEqualTo(cat.header().execId());
    assertThat(bySh.header().timeNanos()).isLessThan(cat.header().timeNanos());
  }

  @Test
  void aForkedChildStartsWithItsParentsCount() throws Exception {
    // the shell forks a child for cat (a pipeline keeps it from exec'ing cat in place)
    Process sh = Privileged.run(TMP, "sh", "-c", "cat /etc/hostname | cat > /dev/null");
    int pid = (int) sh.pid();
    ProcessExec shell =
        events
            .await(ProcessExec.class, e -> e.header().pid() == pid && e.filename().endsWith("sh"))
            .orElseThrow();
    ProcessFork fork = events.await(ProcessFork.class, e -> e.header().pid() == pid).orElseThrow();
    ProcessExec child =
        events.await(ProcessExec.class, e -> e.header().pid() == fork.childPid()).orElseThrow();

    assertThat(fork.header().execId()).isEqualTo(shell.header().execId());
    assertThat(child.header().execId())
        .isEqualTo((shell.header().execId() + 1) & EventHeader.MAX_EXEC_ID);
  }
}
