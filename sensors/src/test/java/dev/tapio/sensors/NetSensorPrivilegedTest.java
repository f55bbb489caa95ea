package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.SocketAddress;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two simulated pods (network namespaces joined by a veth pair, a cgroup each) talk TCP and UDP
 * over IPv4 and IPv6; both ends are reported with their addresses, ports, process, cgroup and
 * network namespace.
 */
@Tag("privileged")
class NetSensorPrivilegedTest {
  private static final Set<String> TYPES =
      Set.of("connect", "connect_async", "accept", "accept4", "close", "sendto", "recvfrom");

  private static SensorSet sensors;
  private static Privileged.Collector events;
  private static NetPods pods;
  private static Path script;

  @BeforeAll
  static void start() throws Exception {
    Privileged.assumeBpf();
    events = new Privileged.Collector();
    sensors = Sensors.open(SensorConfig.builder().ringBufferBytes(1 << 20).build());
    sensors.start(TYPES, events);
    pods = new NetPods();
    script = Files.createTempFile("tapio-net-peer", ".py");
    try (InputStream in =
        Objects.requireNonNull(NetSensorPrivilegedTest.class.getResourceAsStream("net_peer.py"))) {
      Files.write(script, in.readAllBytes());
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (sensors != null) {
      sensors.close();
    }
    if (pods != null) {
      pods.close();
    }
    if (script != null) {
      Files.deleteIfExists(script);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ipv4", "ipv6"})
  void tcpAndUdpBetweenTwoPods(String family) throws Exception {
    boolean v6 = family.equals("ipv6");
    NetPods.Pod server = pods.a;
    NetPods.Pod client = pods.b;
    String serverIp = v6 ? server.ipv6() : server.ipv4();
    InetAddress serverAddr = InetAddress.getByName(serverIp);
    InetAddress clientAddr = InetAddress.getByName(v6 ? client.ipv6() : client.ipv4());
    int port = v6 ? 16001 : 14001;

    Process srv =
        pods.start(server, "/usr/bin/python3 " + script + " server " + serverIp + " " + port);
    NetPods.awaitLine(srv, "ready");
    Process cli =
        pods.start(client, "/usr/bin/python3 " + script + " client " + serverIp + " " + port);
    NetPods.awaitLine(cli, "done");
    int af = v6 ? 10 : 2;

    NetworkEvent connect =
        await(
            n ->
                n.type().equals("connect")
                    && n.header().pid() == cli.pid()
                    && at(n.remote(), serverAddr, port));
    assertThat(connect.result()).isZero();
    assertThat(connect.family()).isEqualTo(af);
    assertThat(connect.protocol()).isEqualTo(6);
    assertThat(connect.local().address()).isEqualTo(clientAddr);
    assertThat(connect.header().cgroupId()).isEqualTo(client.cgroupId());
    assertThat(connect.netns()).isEqualTo(client.netnsInode());
    assertThat(connect.header().namespaces().net()).isEqualTo(client.netnsInode());
    int clientPort = connect.local().port();
    assertThat(clientPort).isPositive();

    NetworkEvent accept =
        await(
            n ->
                n.type().startsWith("accept")
                    && n.header().pid() == srv.pid()
                    && at(n.remote(), clientAddr, clientPort));
    assertThat(accept.result()).isGreaterThanOrEqualTo(0);
    assertThat(accept.fd()).isEqualTo((int) accept.result());
    assertThat(accept.local().address()).isEqualTo(serverAddr);
    assertThat(accept.local().port()).isEqualTo(port);
    assertThat(accept.header().cgroupId()).isEqualTo(server.cgroupId());
    assertThat(accept.netns()).isEqualTo(server.netnsInode());

    // the ends of the connection close in softirq, on whatever task runs; each is still its owner's
    NetworkEvent clientClose =
        await(
            n ->
                n.type().equals("close")
                    && n.header().pid() == cli.pid()
                    && at(n.remote(), serverAddr, port));
    assertThat(clientClose.header().cgroupId()).isEqualTo(client.cgroupId());
    assertThat(clientClose.netns()).isEqualTo(client.netnsInode());
    assertThat(clientClose.durationNanos()).isPositive();
    assertThat(clientClose.local()).isEqualTo(connect.local());
    // the client sent "ping" and got nothing but the server's close; the kernel counts sequence
    // space, where SYN and FIN take one each
    assertThat(clientClose.traffic()).isNotNull();
    assertThat(clientClose.traffic().outbound()).isTrue();
    assertThat(clientClose.traffic().bytesOut()).isBetween(4L, 6L);
    assertThat(clientClose.traffic().bytesIn()).isLessThanOrEqualTo(1);
    assertThat(clientClose.traffic().packetsOut()).isGreaterThanOrEqualTo(3); // SYN, ping, FIN
    assertThat(clientClose.traffic().packetsIn()).isGreaterThanOrEqualTo(2);
    NetworkEvent serverClose =
        await(
            n ->
                n.type().equals("close")
                    && n.header().pid() == srv.pid()
                    && at(n.remote(), clientAddr, clientPort));
    assertThat(serverClose.netns()).isEqualTo(server.netnsInode());
    assertThat(serverClose.local()).isEqualTo(accept.local());
    assertThat(serverClose.traffic()).isNotNull();
    assertThat(serverClose.traffic().outbound()).isFalse();
    assertThat(serverClose.traffic().bytesIn()).isBetween(4L, 6L);
    assertThat(serverClose.traffic().bytesOut()).isLessThanOrEqualTo(2);

    NetworkEvent refused =
        await(
            n ->
                n.type().equals("connect")
                    && n.header().pid() == cli.pid()
                    && at(n.remote(), serverAddr, port + 1));
    assertThat(refused.result()).isEqualTo(-111);

    NetworkEvent sent =
        await(
            n ->
                n.type().equals("sendto")
                    && n.header().pid() == cli.pid()
                    && at(n.remote(), serverAddr, port));
    assertThat(sent.protocol()).isEqualTo(17);
    assertThat(sent.result()).isEqualTo(4);
    assertThat(sent.local().address())
        .isIn(InetAddress.getByName(v6 ? "::" : "0.0.0.0"), clientAddr);
    assertThat(sent.netns()).isEqualTo(client.netnsInode());
    int udpPort = sent.local().port();
    NetworkEvent received =
        await(
            n ->
                n.type().equals("recvfrom")
                    && n.header().pid() == srv.pid()
                    && at(n.remote(), clientAddr, udpPort));
    assertThat(received.local().port()).isEqualTo(port);
    assertThat(received.header().cgroupId()).isEqualTo(server.cgroupId());
    // the answer goes back on the same conversation: reported once, by the first datagram only
    assertThat(
            events.all(
                NetworkEvent.class,
                n -> n.type().equals("sendto") && n.header().pid() == srv.pid()))
        .isEmpty();
  }

  private static boolean at(SocketAddress a, InetAddress address, int port) {
    return a != null && address.equals(a.address()) && a.port() == port;
  }

  private static NetworkEvent await(Predicate<NetworkEvent> match) {
    return events
        .await(NetworkEvent.class, match)
        .orElseThrow(() -> new AssertionError("not seen among " + events.events));
  }
}
