package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correlations over real kernel events through a live engine with the bundled rules, each in a
 * cgroup shaped like a Docker container's.
 *
 * <ul>
 *   <li>A shell copies a program to a new file and runs it, twice. The copy (an open for writing)
 *       and the first run (an exec of that path) complete <em>New binary written then run in a
 *       container</em>: exactly one correlated alert, naming both steps' events; the second run,
 *       with no write before it, adds none.
 *   <li>An interactive shell (on the terminal {@code script} gives it) runs a network tool (bash
 *       copied to a file named {@code wget}) that opens a TCP connection to a listener on this
 *       machine's own non-loopback address: the three steps of <em>Interactive shell then network
 *       tool then outbound connection in a container</em>, exactly one alert. The engine starts
 *       first and two such containers follow back to back, each gone before its events are
 *       enriched: both are named by their cgroup, each with its one alert.
 * </ul>
 */
@Tag("privileged")
@Tag("kernel")
class CorrelationEndToEndTest {
  private static final String RULE = "New binary written then run in a container";
  private static final String CHAIN =
      "Interactive shell then network tool then outbound connection in a container";

  @TempDir Path dir;

  @Test
  void aBinaryWrittenThenRunInOneContainerRaisesOneCorrelatedAlert() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the correlation end-to-end test needs root to load eBPF programs");
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    String id = HexFormat.of().formatHex(random);
    Path dropped = dir.resolve("tapio-dropped");
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of());

    try (TestCgroup container = TestCgroup.dockerContainer(id);
        Engine engine = new Engine(options, live)) {
      engine.start();
      String script = "cp /bin/true %s && %s && %s".formatted(dropped, dropped, dropped);
      EndToEnd.run(container.wrap("sh", "-c", script).toArray(String[]::new));
      awaitAlert(live, id);
      Thread.sleep(1_000); // a second alert, were there one, would have come by now
    }

    List<Alert> correlated = ofContainer(live, id);
    assertThat(correlated).as("alerts of '%s' in the container", RULE).hasSize(1);
    Alert alert = correlated.getFirst();
    assertThat(alert.outputFields())
        .containsEntry("run.proc.exepath", dropped.toString())
        .containsEntry("write.proc.cmdline", "cp /bin/true " + dropped)
        .containsEntry("proc.cmdline", "tapio-dropped");
    Object write = alert.outputFields().get("correlation.write.id");
    Object run = alert.outputFields().get("correlation.run.id");
    assertThat(write).isNotNull().asString().isNotBlank();
    assertThat(run).isNotNull().asString().isNotBlank().isNotEqualTo(write);
    assertThat(alert.timeNanos()).isEqualTo(alert.event().event().header().timeNanos());
  }

  @Test
  void aShellThenANetworkToolThenAnOutboundConnectionRaiseOneChainAlertInEachContainer()
      throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the correlation end-to-end test needs root to load eBPF programs");
    InetAddress address = outboundAddress();
    Path wget = Files.copy(Path.of("/bin/bash"), dir.resolve("wget"));
    Files.setPosixFilePermissions(wget, PosixFilePermissions.fromString("rwxr-xr-x"));
    var live = new InMemoryAlertSink();
    var options = new EngineOptions(List.of(), false, null, false, 1 << 22, Map.of());

    // as on a node: the engine runs first, then containers start; two short-lived ones back to
    // back, whose processes are gone before their events are enriched, are both known by their
    // cgroup (which outlives them, as a runtime's does for a while)
    Map<String, Integer> ports = new LinkedHashMap<>();
    try (Engine engine = new Engine(options, live)) {
      engine.start();
      for (int run = 0; run < 2; run++) {
        String id = randomId();
        try (ServerSocket listener = new ServerSocket(0, 50, address);
            TestCgroup container = TestCgroup.dockerContainer(id)) {
          int port = listener.getLocalPort();
          String tool =
              "%s -c 'exec 3<>/dev/tcp/%s/%d'".formatted(wget, address.getHostAddress(), port);
          EndToEnd.run(
              container
                  .wrap("script", "-qec", "bash -c \"" + tool + "\"", "/dev/null")
                  .toArray(String[]::new));
          ports.put(id, port);
          awaitAlert(live, CHAIN, id);
        }
      }
      Thread.sleep(1_000); // a second alert, were there one, would have come by now
    }
    ports.forEach((id, port) -> assertChainAlert(live, id, wget, address, port));
  }

  private static void assertChainAlert(
      InMemoryAlertSink live, String id, Path wget, InetAddress address, int port) {
    List<Alert> chain = ofContainer(live, CHAIN, id);
    assertThat(chain).as("alerts of '%s' in container %s", CHAIN, id).hasSize(1);
    Alert alert = chain.getFirst();
    assertThat(alert.outputFields())
        .containsEntry("connect.fd.sip", address.getHostAddress())
        .containsEntry("connect.fd.sport", (long) port)
        .containsEntry("connect.proc.name", "wget")
        .containsEntry(
            "tool.proc.cmdline",
            "wget -c exec 3<>/dev/tcp/" + address.getHostAddress() + "/" + port);
    assertThat(String.valueOf(alert.outputFields().get("shell.proc.cmdline")))
        .startsWith("bash -c " + wget);
    assertThat(String.valueOf(alert.outputFields().get("connect.fd.name")))
        .endsWith("->" + address.getHostAddress() + ":" + port);
    List<Object> ids =
        List.of("shell", "tool", "connect").stream()
            .map(step -> alert.outputFields().get("correlation." + step + ".id"))
            .toList();
    assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    assertThat(alert.timeNanos()).isEqualTo(alert.event().event().header().timeNanos());
  }

  private static String randomId() {
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * An IPv4 address of this machine that is not loopback: a connection to it is outbound to the
   * rules ({@code tapio_outbound} leaves out loopback) and never leaves the machine.
   */
  private static InetAddress outboundAddress() throws Exception {
    return NetworkInterface.networkInterfaces()
        .filter(
            i -> {
              try {
                return i.isUp() && !i.isLoopback();
              } catch (java.net.SocketException e) {
                return false;
              }
            })
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .findFirst()
        .orElseThrow(() -> new AssertionError("this machine has no non-loopback IPv4 address"));
  }

  private static List<Alert> ofContainer(InMemoryAlertSink sink, String id) {
    return ofContainer(sink, RULE, id);
  }

  private static List<Alert> ofContainer(InMemoryAlertSink sink, String rule, String id) {
    return sink.alerts().stream()
        .filter(a -> a.rule().equals(rule))
        .filter(a -> id.startsWith(String.valueOf(a.outputFields().get("container.id"))))
        .toList();
  }

  private static void awaitAlert(InMemoryAlertSink sink, String id) throws InterruptedException {
    awaitAlert(sink, RULE, id);
  }

  private static void awaitAlert(InMemoryAlertSink sink, String rule, String id)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (ofContainer(sink, rule, id).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
