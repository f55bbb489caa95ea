package dev.tapio.app;

import static dev.tapio.app.EndToEnd.awaitAlerts;
import static dev.tapio.app.EndToEnd.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proc.name}, {@code proc.exe}, {@code proc.exepath} and {@code proc.cmdline} of real
 * programs, through the real sensors, enrichment and a rule's output, mean what they mean in Falco:
 * the name is the task's command name (a busybox applet is known by its link, a symlinked program
 * by the link's name cut to 15 characters, a {@code #!} script by the script's name), the exe is
 * {@code argv[0]}, the exepath is the binary that runs.
 */
@Tag("privileged")
@Tag("kernel")
class ProcessNamesEndToEndTest {
  @TempDir Path dir;

  @Test
  void liveExecsCarryFalcosProcessNames() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the process names end-to-end test needs root to load eBPF programs");
    Path busybox = Path.of("/bin/busybox");
    assumeTrue(
        Files.isExecutable(busybox),
        "SKIPPED LOUDLY: /bin/busybox (busybox-static) is not installed");
    Path applet = Files.createSymbolicLink(dir.resolve("sleep"), busybox);
    Path link =
        Files.createSymbolicLink(dir.resolve("tapio-linked-true-program"), Path.of("/bin/true"));
    Path script = Files.writeString(dir.resolve("pip"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            - rule: Program from the test directory
              desc: an exec of a program this test made
              condition: >
                evt.type in (execve, execveat)
                and (proc.exe startswith %1$s/ or proc.args contains %1$s/)
              output: >
                ran %%proc.name exe=%%proc.exe exepath=%%proc.exepath
                cmdline=%%proc.cmdline parent=%%proc.pname
              priority: NOTICE
            """
                .formatted(dir));
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(rules), false, null, false, 1 << 22, Map.of());

    try (Engine engine = new Engine(options, live)) {
      engine.start();
      run(applet.toString(), "0");
      run(link.toString());
      run(script.toString());
      awaitAlerts(live, 3);
    }

    String java = Files.readString(Path.of("/proc/self/comm")).strip();
    assertThat(fields(live, "sleep"))
        .containsEntry("proc.exe", applet.toString())
        .containsEntry("proc.exepath", busybox.toRealPath().toString())
        .containsEntry("proc.cmdline", "sleep 0")
        .containsEntry("proc.pname", java);
    assertThat(fields(live, "tapio-linked-tr"))
        .containsEntry("proc.exe", link.toString())
        .containsEntry("proc.exepath", Path.of("/bin/true").toRealPath().toString())
        .containsEntry("proc.cmdline", "tapio-linked-tr")
        .containsEntry("proc.pname", java);
    assertThat(fields(live, "pip"))
        .containsEntry("proc.exe", "/bin/sh")
        .containsEntry("proc.exepath", Path.of("/bin/sh").toRealPath().toString())
        .containsEntry("proc.cmdline", "pip " + script)
        .containsEntry("proc.pname", java);
  }

  /** The output fields of the one alert whose process has {@code name}. */
  private static Map<String, @Nullable Object> fields(InMemoryAlertSink sink, String name) {
    List<Alert> alerts =
        sink.alerts().stream().filter(a -> name.equals(a.outputFields().get("proc.name"))).toList();
    assertThat(alerts).as("alerts for proc.name=%s among %s", name, sink.alerts()).hasSize(1);
    return alerts.getFirst().outputFields();
  }
}
