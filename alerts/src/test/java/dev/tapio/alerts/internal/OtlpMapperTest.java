package dev.tapio.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.TestAlerts;
import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.ProcessInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Process attributes by the OpenTelemetry semantic conventions. */
class OtlpMapperTest {

  @Test
  void theExecutableNameIsTheExecutablesFileNameNotTheTaskName() {
    ProcessInfo bash = TestAlerts.bash();
    // a busybox applet: Falco's proc.name is "sleep", the executable is busybox
    ProcessInfo applet =
        new ProcessInfo(
            bash.pid(),
            bash.vpid(),
            bash.ppid(),
            "sleep",
            "/bin/sleep",
            "/bin/busybox",
            List.of("60"),
            bash.cwd(),
            bash.sessionId(),
            bash.pgid(),
            bash.tty(),
            bash.credentials(),
            bash.startTimeNanos(),
            false,
            false);
    Alert alert = TestAlerts.shellAlert("alert-1");
    EnrichedEvent e = alert.event();
    Alert ofApplet = alert.withEvent(e.withLineage(Lineage.of(applet)));

    Map<String, Object> attributes = new OtlpMapper(() -> 0L).map(ofApplet).attributes();

    assertThat(attributes)
        .containsEntry("process.executable.name", "busybox")
        .containsEntry("process.executable.path", "/bin/busybox")
        .containsEntry("process.command_line", "sleep 60");
  }
}
