package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seccomp violations and LSM denials done for real under a live engine with the bundled rules: a
 * helper compiled here puts itself under a seccomp filter (kill, trap, errno, log) or a Landlock
 * domain and does what that forbids; each must raise its alert, once.
 */
@Tag("privileged")
@Tag("kernel")
class SeccompLsmEndToEndTest {
  private static final String KILL_OR_TRAP = "Seccomp filter killed or trapped a syscall";
  private static final String REFUSED = "Seccomp filter refused or logged a syscall";
  private static final String LSM = "Security module denied an operation";

  @TempDir static Path dir;
  private static Path helper;
  private static Engine engine;
  private static final InMemoryAlertSink alerts = new InMemoryAlertSink();

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the seccomp/LSM end-to-end test needs root to load eBPF programs");
    helper = dir.resolve("violate");
    Path source = dir.resolve("violate.c");
    try (InputStream in = SeccompLsmEndToEndTest.class.getResourceAsStream("violate.c")) {
      Files.write(source, in.readAllBytes());
    }
    Process cc = new ProcessBuilder("gcc", "-o", helper.toString(), source.toString()).start();
    cc.getInputStream().readAllBytes();
    assertThat(cc.waitFor()).as("gcc (apt-get install gcc libc6-dev)").isZero();
    engine =
        new Engine(new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of()), alerts);
    engine.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void seccompKillRaisesOneCriticalAlertThoughSignalAndAuditBothShowIt() throws Exception {
    long pid = violate(159, "kill"); // 128 + SIGSYS
    Alert a = await(KILL_OR_TRAP, pid);
    assertThat(a.outputFields())
        .containsEntry("tapio.seccomp.action", "kill")
        .containsEntry("tapio.seccomp.syscall", "getppid");
    settle();
    assertThat(alertsOf(pid)).hasSize(1);
  }

  @Test
  void seccompTrapRaisesTheCriticalAlert() throws Exception {
    long pid = violate(159, "trap");
    assertThat(await(KILL_OR_TRAP, pid).outputFields())
        .containsEntry("tapio.seccomp.action", "trap")
        .containsEntry("tapio.seccomp.syscall", "getppid")
        .containsEntry("tapio.seccomp.source", "signal");
  }

  @Test
  void seccompErrnoRaisesTheProbableRefusal() throws Exception {
    long pid = violate(0, "errno");
    assertThat(await(REFUSED, pid).outputFields())
        .containsEntry("tapio.seccomp.action", "errno")
        .containsEntry("tapio.seccomp.syscall", "getppid")
        .containsEntry("tapio.seccomp.source", "errno")
        .containsEntry("evt.res", "EPERM");
  }

  @Test
  void seccompLogIsSeenThroughTheAuditGroup() throws Exception {
    long pid = violate(0, "log");
    assertThat(await(REFUSED, pid).outputFields())
        .containsEntry("tapio.seccomp.action", "log")
        .containsEntry("tapio.seccomp.syscall", "getppid")
        .containsEntry("tapio.seccomp.source", "audit");
  }

  @Test
  void anErrnoRefusalTheFilterAlsoLogsIsOneAlert() throws Exception {
    long pid = violate(0, "errno-log");
    assertThat(await(REFUSED, pid).outputFields()).containsEntry("tapio.seccomp.action", "errno");
    settle();
    assertThat(alertsOf(pid)).hasSize(1);
  }

  @Test
  void landlockDeniesAnOpen() throws Exception {
    assumeLandlock(1);
    long pid = violate(0, "landlock-open", "/etc/hostname");
    assertThat(await(LSM, pid).outputFields())
        .containsEntry("tapio.lsm.name", "landlock")
        .containsEntry("tapio.lsm.syscall", "openat")
        .containsEntry("tapio.lsm.object", "/etc/hostname")
        .containsEntry("evt.res", "EACCES");
  }

  @Test
  void landlockDeniesATcpConnect() throws Exception {
    assumeLandlock(4);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = server.getLocalPort();
      long pid = violate(0, "landlock-connect", Integer.toString(port));
      assertThat(await(LSM, pid).outputFields())
          .containsEntry("tapio.lsm.name", "landlock")
          .containsEntry("tapio.lsm.syscall", "connect")
          .containsEntry("tapio.lsm.object", "127.0.0.1:" + port);
    }
  }

  /** Landlock is active with at least this ABI (landlock_create_ruleset's version query). */
  private static void assumeLandlock(int abi) throws Exception {
    Path lsm = Path.of("/sys/kernel/security/lsm");
    if (Files.isReadable(lsm)) {
      assumeTrue(
          Files.readString(lsm).contains("landlock"),
          "SKIPPED LOUDLY: Landlock is not an active LSM: " + Files.readString(lsm));
    }
    Process p = new ProcessBuilder(helper.toString(), "landlock-abi").start();
    p.getInputStream().readAllBytes();
    int version = p.waitFor();
    assumeTrue(
        version >= abi,
        "SKIPPED LOUDLY: the kernel's Landlock ABI is " + version + ", this needs " + abi);
  }

  private static long violate(int exitCode, String... args)
      throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = helper.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", args) + ": " + out).isEqualTo(exitCode);
    return p.pid();
  }

  private static List<Alert> alertsOf(long pid) {
    return alerts.alerts().stream()
        .filter(a -> String.valueOf(pid).equals(String.valueOf(a.outputFields().get("proc.pid"))))
        .toList();
  }

  private static Alert await(String rule, long pid) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (Alert a : alertsOf(pid)) {
        if (a.rule().equals(rule)) {
          return a;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "no '"
            + rule
            + "' alert for pid "
            + pid
            + " in "
            + alerts.alerts().stream().map(a -> a.rule() + " " + a.outputFields()).toList());
  }

  /** Long enough for a twin from the slower source (kauditd) to have arrived. */
  private static void settle() throws InterruptedException {
    Thread.sleep(1_500);
  }
}
