package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.sensors.internal.decode.DropReasons;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packets the kernel drops between two simulated pods, over IPv4 and IPv6: a datagram to a port
 * nobody listens on and one an nftables rule drops are reported in the receiving pod's network
 * namespace with the reason's name, as the running kernel's BTF names it.
 */
@Tag("privileged")
class NetDropPrivilegedTest {
  private static final Path FORMAT = Path.of("/sys/kernel/tracing/events/skb/kfree_skb/format");

  private static SensorSet sensors;
  private static Privileged.Collector events;
  private static NetPods pods;

  @BeforeAll
  static void start() throws Exception {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(Set.of("drop"), events);
    pods = new NetPods();
  }

  @AfterAll
  static void stop() throws Exception {
    if (sensors != null) {
      sensors.close();
    }
    if (pods != null) {
      pods.close();
    }
  }

  /** Whether the kernel gives drops a reason (5.17 on): its tracepoint has the field. */
  private static boolean kernelHasReasons() throws Exception {
    return Files.readString(FORMAT).contains("reason;");
  }

  /** {@code name} where the kernel gives reasons; {@code unknown} before it did. */
  private static String expected(String name) throws Exception {
    return kernelHasReasons() ? name : "unknown";
  }

  @Test
  void theReasonsAreTheOnesTheTracepointPrints() throws Exception {
    if (!kernelHasReasons()) {
      // before 5.17: no enum to read, every drop is reported as reason 0, unknown
      assertThat(DropReasons.host().names()).isEmpty();
      assertThat(sensors.hookTiers().get("net")).containsEntry("kfree_skb", Mechanism.TRACEPOINT);
      return;
    }
    // the tracepoint's format prints reasons with the kernel's own table: { 3, "NO_SOCKET" }, ...
    String format = Files.readString(FORMAT);
    Map<Integer, String> printed = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\\{ (\\d+), \"(\\w+)\" \\}").matcher(format);
    while (m.find()) {
      printed.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    // bounds and non-drops, which some kernels print too: not reasons
    printed.values().removeAll(Set.of("MAX", "NOT_DROPPED_YET", "CONSUMED"));
    assertThat(printed).containsValues("NOT_SPECIFIED", "NO_SOCKET", "NETFILTER_DROP");
    assertThat(DropReasons.host().names()).isEqualTo(printed);
    assertThat(sensors.hookTiers().get("net")).containsEntry("kfree_skb", Mechanism.TRACEPOINT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ipv4", "ipv6"})
  void aDatagramToAClosedPort(String family) throws Exception {
    boolean v6 = family.equals("ipv6");
    int sport = v6 ? 16101 : 14101;
    int dport = v6 ? 16102 : 14102;
    send(v6, sport, dport);

    NetworkEvent drop = awaitDrop(v6, sport, dport, expected("NO_SOCKET"));
    assertThat(drop.family()).isEqualTo(v6 ? 10 : 2);
    assertThat(drop.protocol()).isEqualTo(17);
    assertThat(drop.netns()).isEqualTo(pods.a.netnsInode());
    assertThat(drop.header().namespaces().net()).isEqualTo(pods.a.netnsInode());
    assertThat(drop.drop().outbound()).isFalse();
    assertThat(drop.drop().code()).isEqualTo(kernelHasReasons() ? code("NO_SOCKET") : 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ipv4", "ipv6"})
  void aDatagramAFirewallRuleDrops(String family) throws Exception {
    boolean v6 = family.equals("ipv6");
    int sport = v6 ? 16201 : 14201;
    int dport = v6 ? 16202 : 14202;
    String nft = "ip netns exec " + pods.a.netns() + " nft ";
    NetPods.sh(
        nft
            + "add table inet tapio"
            + dport
            + " && "
            + nft
            + "'add chain inet tapio"
            + dport
            + " in { type filter hook input priority 0; policy accept; }' && "
            + nft
            + "add rule inet tapio"
            + dport
            + " in udp dport "
            + dport
            + " drop");
    send(v6, sport, dport);

    NetworkEvent drop = awaitDrop(v6, sport, dport, expected("NETFILTER_DROP"));
    assertThat(drop.netns()).isEqualTo(pods.a.netnsInode());
    assertThat(drop.protocol()).isEqualTo(17);
    if (kernelHasReasons()) {
      assertThat(events.all(NetworkEvent.class, n -> matches(n, v6, sport, dport, "NO_SOCKET")))
          .isEmpty();
    }
  }

  /** Sends one datagram from pod b's port {@code sport} to pod a's {@code dport}. */
  private static void send(boolean v6, int sport, int dport) throws Exception {
    Process p =
        pods.start(
            pods.b,
            "/usr/bin/python3 -c \"import socket; s = socket.socket(socket.AF_INET"
                + (v6 ? "6" : "")
                + ", socket.SOCK_DGRAM); s.bind(('"
                + pods.b.ip(v6)
                + "', "
                + sport
                + ")); s.sendto(b'drop me', ('"
                + pods.a.ip(v6)
                + "', "
                + dport
                + ")); print('sent')\"");
    NetPods.awaitLine(p, "sent");
  }

  private static NetworkEvent awaitDrop(boolean v6, int sport, int dport, String reason) {
    return await(n -> matches(n, v6, sport, dport, reason));
  }

  private static boolean matches(NetworkEvent n, boolean v6, int sport, int dport, String reason) {
    try {
      return n.type().equals("drop")
          && n.drop() != null
          && n.drop().reason().equals(reason)
          && at(n.local(), InetAddress.getByName(pods.a.ip(v6)), dport)
          && at(n.remote(), InetAddress.getByName(pods.b.ip(v6)), sport);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int code(String reason) {
    return DropReasons.host().names().entrySet().stream()
        .filter(e -> e.getValue().equals(reason))
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static boolean at(SocketAddress a, InetAddress address, int port) {
    return a != null && address.equals(a.address()) && a.port() == port;
  }

  private static NetworkEvent await(Predicate<NetworkEvent> match) {
    return events
        .await(NetworkEvent.class, match)
        .orElseThrow(
            () -> new AssertionError("not seen among " + events.events + "; " + sensors.stats()));
  }
}
