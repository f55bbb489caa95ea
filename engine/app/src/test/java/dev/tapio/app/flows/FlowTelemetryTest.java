package dev.tapio.app.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.alerts.FlowExporter;
import dev.tapio.alerts.FlowReport;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.TcpTraffic;
import dev.tapio.app.netpol.PolicyJudge;
import dev.tapio.enrich.flows.FlowObservation;
import dev.tapio.enrich.flows.FlowTable;
import dev.tapio.enrich.netpol.NetworkPolicies;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Which socket events become flows and with which ends, and what one interval's report carries: the
 * flows, the overflow bucket of a full table, and the table's counters.
 */
class FlowTelemetryTest {
  private static final InetAddress SERVER = address("2001:db8::5");
  private static final InetAddress CLIENT = address("10.0.0.7");
  private static final FlowObserver NONE = new FlowObserver();

  @Test
  void aConnectIsAFlowFromTheProcessToThePeersAddressAndPort() {
    var flow = NONE.observe(event("connect", 0, CLIENT, 40_000, SERVER, 443, null));
    assertThat(flow).isPresent();
    assertThat(flow.get().source().name()).isEqualTo("process:curl");
    assertThat(flow.get().destination().name()).isEqualTo("2001:db8::5");
    assertThat(flow.get().destinationPort()).isEqualTo(443);
    assertThat(flow.get().protocol()).isEqualTo(6);
    assertThat(flow.get().connections()).isEqualTo(1);
  }

  @Test
  void anAcceptIsAFlowFromThePeersAddressToThePodsWorkloadOnItsOwnPort() {
    PodInfo pod =
        new PodInfo(
            "web-0",
            "uid",
            "shop",
            java.util.Map.of(),
            java.util.Map.of(),
            java.util.Map.of(),
            List.of(new PodInfo.Owner("StatefulSet", "web", "uid-2")),
            "node",
            null);
    var flow = NONE.observe(event("accept4", 5, SERVER, 8443, CLIENT, 51_000, pod));
    assertThat(flow).isPresent();
    assertThat(flow.get().source().name()).isEqualTo("10.0.0.7");
    assertThat(flow.get().destination().name()).isEqualTo("StatefulSet:shop/web");
    assertThat(flow.get().destinationPort()).isEqualTo(8443);
  }

  @Test
  void failedAndPendingConnectsClosesWithoutTrafficAndBindsCountNothing() {
    assertThat(NONE.observe(event("connect", -111, CLIENT, 0, SERVER, 443, null))).isEmpty();
    assertThat(NONE.observe(event("connect", -115, CLIENT, 0, SERVER, 443, null))).isEmpty();
    assertThat(NONE.observe(event("connect_async", 0, CLIENT, 1, SERVER, 443, null))).isPresent();
    assertThat(NONE.observe(event("close", 0, CLIENT, 1, SERVER, 443, null))).isEmpty();
    assertThat(NONE.observe(event("bind", 0, CLIENT, 1, SERVER, 443, null))).isEmpty();
  }

  @Test
  void aDroppedPacketCountsIntoItsFlowByReasonFromItsSourceToItsDestination() {
    var inbound =
        NONE.observe(
            dropped(event("drop", 0, SERVER, 9, CLIENT, 40_000, null), "NO_SOCKET", false));
    assertThat(inbound).isPresent();
    assertThat(inbound.get().source().name()).isEqualTo("10.0.0.7");
    assertThat(inbound.get().destinationPort()).isEqualTo(9);
    assertThat(inbound.get().connections()).isZero();
    assertThat(inbound.get().dropReason()).isEqualTo("NO_SOCKET");

    var outbound =
        NONE.observe(
            dropped(event("drop", 0, CLIENT, 40_000, SERVER, 443, null), "NETFILTER_DROP", true));
    assertThat(outbound).isPresent();
    assertThat(outbound.get().source().name()).isEqualTo("process:curl");
    assertThat(outbound.get().destination().name()).isEqualTo("2001:db8::5");
    assertThat(outbound.get().destinationPort()).isEqualTo(443);
    assertThat(outbound.get().dropReason()).isEqualTo("NETFILTER_DROP");
    assertThat(FlowObserver.EVENT_TYPES).contains("drop");
  }

  @Test
  void aCloseAddsWhatTheConnectionCarriedCountedFromTheSourcesSide() {
    var client =
        NONE.observe(
            closed(event("close", 0, CLIENT, 40_000, SERVER, 443, null), true, 100, 7000, 3, 9));
    assertThat(client).isPresent();
    assertThat(client.get().source().name()).isEqualTo("process:curl");
    assertThat(client.get().destinationPort()).isEqualTo(443);
    assertThat(client.get().connections()).isZero();
    assertThat(client.get().bytesOut()).isEqualTo(100);
    assertThat(client.get().bytesIn()).isEqualTo(7000);
    assertThat(client.get().packetsOut()).isEqualTo(3);
    assertThat(client.get().packetsIn()).isEqualTo(9);

    var server =
        NONE.observe(
            closed(event("close", 0, SERVER, 443, CLIENT, 40_000, null), false, 7000, 100, 9, 3));
    assertThat(server).isPresent();
    assertThat(server.get().source().name()).isEqualTo("10.0.0.7");
    assertThat(server.get().destination().name()).isEqualTo("process:curl");
    assertThat(server.get().destinationPort()).isEqualTo(443);
    assertThat(server.get().bytesOut()).isEqualTo(100);
    assertThat(server.get().bytesIn()).isEqualTo(7000);
    assertThat(server.get().packetsOut()).isEqualTo(3);
  }

  @Test
  void withNetworkPoliciesEachFlowCarriesTheVerdictAndTheDecidingPolicy() {
    var serialization = new KubernetesSerialization();
    NetworkPolicy dbIngress =
        serialization.unmarshal(
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db-from-web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: db}}
              ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]
            """,
            NetworkPolicy.class);
    Namespace shop =
        new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build();
    var judge =
        new PolicyJudge(
            NetworkPolicies.of(
                List.of(shop),
                List.of(pod("web", "10.0.1.1", "fd00::1:1"), pod("db", "10.0.1.2", "fd00::1:2")),
                List.of(dbIngress)));
    java.util.function.Function<EnrichedEvent, java.util.Optional<FlowObservation>> observer =
        e -> NONE.observe(judge.judge(e));

    var allowed =
        observer.apply(
            event("connect", 0, address("10.0.1.1"), 40_000, address("10.0.1.2"), 5432, null));
    var denied =
        observer.apply(
            event("connect", 0, address("fd00::1:1"), 40_000, address("fd00::1:2"), 22, null));
    var outside =
        observer.apply(event("connect", 0, address("fd00::1:1"), 40_000, SERVER, 443, null));

    assertThat(allowed.get().verdict()).isEqualTo("allowed");
    assertThat(allowed.get().policy()).isEqualTo("shop/db-from-web");
    assertThat(denied.get().verdict()).isEqualTo("denied");
    assertThat(denied.get().policy()).isEqualTo("shop/db-from-web");
    assertThat(outside.get().verdict()).isEqualTo("no-policy");
    assertThat(outside.get().policy()).isNull();
    assertThat(
            NONE.observe(
                    new PolicyJudge(null)
                        .judge(
                            event(
                                "connect",
                                0,
                                address("10.0.1.1"),
                                40_000,
                                address("10.0.1.2"),
                                22,
                                null)))
                .get()
                .verdict())
        .isEmpty();
  }

  @Test
  void anIntervalReportsItsFlowsTheOverflowBucketAndTheTableCounters() {
    var exporter = new FlowExporter.InMemory();
    AtomicLong clock = new AtomicLong(1_000);
    FlowTable table = FlowTable.builder().maxFlows(16).build();
    try (var flows = new FlowTelemetry(table, exporter, Duration.ofHours(1), clock::get)) {
      for (int port = 1; port <= 20; port++) {
        flows.observe(event("connect", 0, CLIENT, 40_000, SERVER, port, null));
      }
      flows.observe(event("connect", 0, CLIENT, 40_001, SERVER, 20, null));
      flows.observe(event("connect", 0, CLIENT, 40_002, SERVER, 50_000, null));
      clock.set(61_000);
      flows.flush();

      FlowReport report = exporter.reports().getFirst();
      assertThat(report.startNanos()).isEqualTo(1_000);
      assertThat(report.endNanos()).isEqualTo(61_000);
      assertThat(report.flows()).hasSize(17);
      NetworkFlow port20 =
          report.flows().stream().filter(f -> f.destination().port() == 20).findFirst().get();
      assertThat(port20.connections()).isEqualTo(2);
      assertThat(port20.sourceWorkload()).isEqualTo("process:curl");
      NetworkFlow overflow = report.flows().getLast();
      assertThat(overflow.sourceWorkload()).isEqualTo(FlowTable.OVERFLOW);
      assertThat(overflow.connections()).isEqualTo(5);
      assertThat(report.counters())
          .containsEntry("observations", 22L)
          .containsEntry("flows_created", 21L)
          .containsEntry("flows_flushed", 17L)
          .containsEntry("ephemeral_ports_collapsed", 1L)
          .containsEntry("external_addresses_collapsed", 0L)
          .containsEntry("flows_evicted", 5L);
    }
    assertThat(exporter.reports()).hasSize(2);
    assertThat(exporter.reports().getLast().flows()).isEmpty();
  }

  private static EnrichedEvent event(
      String type,
      long result,
      InetAddress local,
      int localPort,
      InetAddress remote,
      int remotePort,
      @Nullable PodInfo pod) {
    var header = new EventHeader(1, 100, 100, 0, Namespaces.UNKNOWN);
    var event =
        new NetworkEvent(
            header,
            type,
            remote instanceof java.net.Inet6Address ? 10 : 2,
            6,
            3,
            SocketAddress.inet(local, localPort),
            SocketAddress.inet(remote, remotePort),
            result);
    var p =
        new ProcessInfo(
            100,
            100,
            1,
            "curl",
            "curl",
            "/usr/bin/curl",
            List.of(),
            "/",
            1,
            1,
            0,
            Credentials.root(),
            0,
            false,
            false);
    return new EnrichedEvent(
        event,
        Lineage.of(p),
        new UserInfo(0, "root", null, null, -1, null, 0, "root"),
        ContainerInfo.HOST,
        pod,
        "node");
  }

  private static Pod pod(String app, String... ips) {
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace("shop")
        .withName(app)
        .withLabels(java.util.Map.of("app", app))
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("main")
        .withImage("busybox")
        .endContainer()
        .endSpec()
        .withNewStatus()
        .withPhase("Running")
        .withPodIP(ips[0])
        .withPodIPs(java.util.Arrays.stream(ips).map(PodIP::new).toList())
        .withHostIP("192.168.0.10")
        .endStatus()
        .build();
  }

  private static EnrichedEvent closed(
      EnrichedEvent e,
      boolean outbound,
      long bytesOut,
      long bytesIn,
      long packetsOut,
      long packetsIn) {
    NetworkEvent n = (NetworkEvent) e.event();
    return e.withEvent(
        new NetworkEvent(
            n.header(),
            n.type(),
            n.family(),
            n.protocol(),
            n.fd(),
            n.local(),
            n.remote(),
            0,
            n.netns(),
            -1,
            1_000_000,
            new TcpTraffic(outbound, bytesOut, bytesIn, packetsOut, packetsIn, 0)));
  }

  private static EnrichedEvent dropped(EnrichedEvent e, String reason, boolean outbound) {
    NetworkEvent n = (NetworkEvent) e.event();
    return e.withEvent(
        new NetworkEvent(
            n.header(),
            n.type(),
            n.family(),
            n.protocol(),
            -1,
            n.local(),
            n.remote(),
            0,
            n.netns(),
            -1,
            0,
            null,
            new PacketDrop(reason, 3, outbound)));
  }

  private static InetAddress address(String text) {
    try {
      return InetAddress.getByName(text);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
