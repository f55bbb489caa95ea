package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Breakout and privilege actions performed for real on this kernel under a live engine with the
 * bundled rules: leaving a private namespace for the engine's own with nsenter, chroot, opening
 * core_pattern for writing, a ptrace attach, a BPF program load and a module load attempt. Each
 * must raise its rule's alert with the facts that matter.
 */
@Tag("privileged")
@Tag("kernel")
class EscapePrivilegeEndToEndTest {
  @TempDir Path dir;

  @Test
  void escapeAndPrivilegeActionsRaiseTheirAlerts() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the engine end-to-end test needs root to load eBPF programs");
    Path actions = compileActions();
    Path setUidRoot = setUidRootCopy("/usr/bin/id", "tapio-suid-id");
    String self = Long.toString(ProcessHandle.current().pid());
    var live = new InMemoryAlertSink();
    var options =
        new EngineOptions(List.of(), false, dir.resolve("session.jsonl"), false, 1 << 22, Map.of());

    String tracedChild;
    try (Engine engine = new Engine(options, live)) {
      engine.start();
      // a private mount and network namespace, then back into the engine's (the host's)
      run("unshare", "-m", "-n", "--", "nsenter", "-t", self, "-m", "-n", "--", "true");
      run("chroot", "/", "/bin/true");
      run(actions.toString(), "openw", "/proc/sys/kernel/core_pattern");
      tracedChild = run(actions.toString(), "ptrace").strip();
      run(actions.toString(), "bpf");
      run(actions.toString(), "module");
      // a set-uid-root program run by nobody: effective uid 0 for a non-root user
      String ids =
          run("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", setUidRoot.toString());
      assertThat(ids).as("the copy runs set-uid root").contains("euid=0");
      awaitRules(
          live,
          Set.of(
              "Namespace change to the host's namespaces",
              "Root directory changed",
              "Kernel escape file opened for writing",
              "Ptrace attached to another process",
              "BPF program loaded by an unexpected process",
              "Kernel module load attempt",
              "Privilege escalation to root"));
    }

    Alert ns = first(live, "Namespace change to the host's namespaces", "nsenter");
    assertThat(ns.priority().name()).isEqualToIgnoringCase("critical");
    assertThat(ns.outputFields()).containsEntry("proc.name", "nsenter");
    assertThat(String.valueOf(ns.outputFields().get("tapio.ns.entered_host")))
        .matches("(mnt|net)(,net)?");

    assertThat(first(live, "Root directory changed", "chroot").outputFields())
        .containsEntry("proc.name", "chroot")
        .containsEntry("evt.arg.path", "/");
    assertThat(first(live, "Kernel escape file opened for writing", "tapio-actions").outputFields())
        .containsEntry("fd.name", "/proc/sys/kernel/core_pattern")
        .containsEntry("proc.name", "tapio-actions");
    assertThat(first(live, "Ptrace attached to another process", "tapio-actions").outputFields())
        .containsEntry("evt.arg.request", "PTRACE_ATTACH")
        .containsEntry("evt.arg.pid", tracedChild);
    assertThat(
            first(live, "BPF program loaded by an unexpected process", "tapio-actions")
                .outputFields())
        .containsEntry("evt.arg.prog_name", "tapio_e2e")
        .containsEntry("evt.arg.prog_type", "BPF_PROG_TYPE_SOCKET_FILTER")
        .containsEntry("proc.name", "tapio-actions");
    assertThat(first(live, "Kernel module load attempt", "tapio-actions").outputFields())
        .containsEntry("evt.type", "init_module")
        .containsEntry("evt.arg.uargs", "tapio_e2e=1");
    // another run of this test on the machine has its own tapio-suid-id: this one is by its path
    assertThat(
            live.alerts().stream()
                .filter(a -> a.rule().equals("Privilege escalation to root"))
                .filter(a -> setUidRoot.toString().equals(a.outputFields().get("proc.exepath")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no escalation by " + setUidRoot))
                .outputFields())
        .containsEntry("evt.type", "execve")
        // Falco's user.uid is the effective user: root, for a set-uid-root program
        .containsEntry("user.uid", 0L);
  }

  /** A set-uid-root copy of {@code program} that any user can reach and run. */
  private Path setUidRootCopy(String program, String name) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path copy = dir.resolve(name);
    Files.copy(Path.of(program), copy);
    run("chmod", "4755", copy.toString());
    return copy;
  }

  /** Compiles the helper that performs the actions no command-line tool offers. */
  private Path compileActions() throws Exception {
    Path source = dir.resolve("actions.c");
    try (InputStream in = getClass().getResourceAsStream("/escape/actions.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path binary = dir.resolve("tapio-actions");
    run("gcc", "-O1", "-Wall", "-o", binary.toString(), source.toString());
    return binary;
  }

  /**
   * The first alert of {@code rule} about a process named {@code process}: the machine is shared.
   */
  private static Alert first(InMemoryAlertSink sink, String rule, String process) {
    return sink.alerts().stream()
        .filter(a -> a.rule().equals(rule))
        .filter(a -> process.equals(a.outputFields().get("proc.name")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no alert of '"
                        + rule
                        + "' among: "
                        + sink.alerts().stream().map(Alert::output).toList()));
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out;
  }

  private static void awaitRules(InMemoryAlertSink sink, Set<String> rules)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Set<String> seen = sink.alerts().stream().map(Alert::rule).collect(Collectors.toSet());
      if (seen.containsAll(rules)) {
        return;
      }
      Thread.sleep(50);
    }
  }
}
