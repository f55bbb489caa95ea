package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.ProcessExec;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syscalls through x86-64's 32-bit entry (int 0x80, what a 32-bit binary uses), on whichever tier
 * this kernel gives: the exec hooks see them (the scheduler's tracepoint, {@code finalize_exec},
 * BPF LSM), the syscall hooks do not (the kernel's syscall tracepoints skip them, and they enter
 * through {@code __ia32_sys_*}, not {@code __x64_sys_*}), and {@code tapio sensors status} says
 * which hooks they pass unseen.
 */
@Tag("privileged")
class CompatSyscallsPrivilegedTest {
  @Test
  void a32BitExecIsSeenAndTheStatusNamesTheSyscallHooksA32BitSyscallPasses(@TempDir Path dir)
      throws Exception {
    Privileged.assumeBpf();
    assumeTrue(
        System.getProperty("os.arch").equals("amd64"), "SKIPPED LOUDLY: x86-64's 32-bit entry");
    Path helper = compile(dir);
    String marker = "tapio-" + UUID.randomUUID();
    Privileged.Collector events = new Privileged.Collector();
    try (SensorSet sensors =
        Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build())) {
      sensors.start(Set.of("execve", "setuid"), events);
      Process p = Privileged.run(dir, helper.toString(), "/bin/true", marker);
      assumeTrue(p.exitValue() != 3, "SKIPPED LOUDLY: the kernel has no 32-bit syscall entry");
      assertThat(p.exitValue()).as("compat32 exit status").isZero();
      int pid = (int) p.pid();

      // execve through the 32-bit entry: the exec hooks see every exec, however entered
      ProcessExec exec =
          events
              .await(
                  ProcessExec.class,
                  e -> e.argv().contains(marker) && e.argv().getFirst().equals("/bin/true"))
              .orElseThrow();
      assertThat(exec.header().pid()).isEqualTo(pid);
      assertThat(exec.argv()).containsExactly("/bin/true", marker);

      // setuid through the 64-bit entry is seen; setuid32 through the 32-bit entry, before it, not
      assertThat(events.await(CredentialChange.class, c -> c.header().pid() == pid)).isPresent();
      assertThat(events.all(CredentialChange.class, c -> c.header().pid() == pid))
          .extracting(CredentialChange::type)
          .containsExactly("setuid");

      // and the status says so, naming the hook
      KernelFeatures features = Objects.requireNonNull(sensors.features());
      assertThat(
              Sensors.report(
                  features, sensors.statuses(), sensors.hookTiers(), sensors.hookFallbacks()))
          .contains(Sensors.COMPAT + "privilege (setuid)\n");
    }
  }

  /** The helper, compiled from its C source with the machine's gcc. */
  private static Path compile(Path dir) throws Exception {
    Path source = dir.resolve("compat32.c");
    try (InputStream in = CompatSyscallsPrivilegedTest.class.getResourceAsStream("compat32.c")) {
      Files.copy(Objects.requireNonNull(in), source);
    }
    Path binary = dir.resolve("compat32");
    Process gcc =
        new ProcessBuilder("gcc", "-O1", "-o", binary.toString(), source.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(gcc.getInputStream().readAllBytes());
    assertThat(gcc.waitFor()).as("gcc: " + out).isZero();
    return binary;
  }
}
