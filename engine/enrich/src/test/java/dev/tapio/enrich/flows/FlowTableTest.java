package dev.tapio.enrich.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.event.NetworkFlow;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowTableTest {
  static final int TCP = 6;
  static final int UDP = 17;
  static final PodInfo WEB_1 =
      pod("web-5d8f-a", "10.0.1.1", "ReplicaSet", "web-5d8f", "Deployment", "web");
  static final PodInfo WEB_2 =
      pod("web-5d8f-b", "10.0.1.2", "ReplicaSet", "web-5d8f", "Deployment", "web");
  static final PodInfo DB = pod("db-0", "10.0.2.1", "StatefulSet", "db");

  static PodInfo pod(String name, String ip, String... owners) {
    List<PodInfo.Owner> chain =
        java.util.stream.IntStream.range(0, owners.length / 2)
            .mapToObj(i -> new PodInfo.Owner(owners[2 * i], owners[2 * i + 1], "uid-" + i))
            .toList();
    return new PodInfo(name, "uid-" + name, "shop", Map.of(), Map.of(), Map.of(), chain, "n", ip);
  }

  static InetAddress ip(String literal) {
    return InetAddress.ofLiteral(literal);
  }

  static FlowEndpoint of(PodInfo pod) {
    return FlowEndpoint.pod(pod, ip(pod.ip()));
  }

  static InetAddress external(int i) {
    return ip("198." + (18 + (i >> 16)) + "." + (i >> 8 & 0xff) + "." + (i & 0xff));
  }

  static FlowObservation traffic(FlowEndpoint from, FlowEndpoint to, int port, long bytesOut) {
    return new FlowObservation(from, to, port, TCP, "allowed", "shop/db-in", 1, 2, bytesOut, 3, 10);
  }

  @Test
  void connectionsOfOneWorkloadToOneServiceAreOneFlow() {
    FlowTable table = FlowTable.builder().build();

    table.record(traffic(of(WEB_1), of(DB), 5432, 100));
    table.record(traffic(of(WEB_2), of(DB), 5432, 50));
    List<NetworkFlow> flows = table.flush(42);

    assertThat(flows).hasSize(1);
    NetworkFlow flow = flows.getFirst();
    assertThat(flow.sourceWorkload()).isEqualTo("Deployment:shop/web");
    assertThat(flow.destinationWorkload()).isEqualTo("StatefulSet:shop/db");
    assertThat(flow.source().address()).isEqualTo(ip("10.0.1.1")); // the first seen
    assertThat(flow.source().port()).isZero();
    assertThat(flow.destination().address()).isEqualTo(ip("10.0.2.1"));
    assertThat(flow.destination().port()).isEqualTo(5432);
    assertThat(flow.protocol()).isEqualTo(TCP);
    assertThat(flow.verdict()).isEqualTo("allowed");
    assertThat(flow.policy()).isEqualTo("shop/db-in");
    assertThat(flow.header().timeNanos()).isEqualTo(42);
    assertThat(
            List.of(
                flow.connections(),
                flow.packetsOut(),
                flow.bytesOut(),
                flow.packetsIn(),
                flow.bytesIn()))
        .containsExactly(2L, 4L, 150L, 6L, 20L);
    assertThat(table.metrics()).isEqualTo(new FlowTableMetrics(2, 1, 0, 0, 0, 1, 0));
  }

  @Test
  void droppedPacketsCountIntoTheirFlowByReasonAndSurviveEviction() {
    FlowTable table = FlowTable.builder().maxFlows(16).build();
    FlowEndpoint from = FlowEndpoint.address(ip("fd00::2"));

    table.record(traffic(from, of(DB), 5432, 10));
    table.record(FlowObservation.drop(from, of(DB), 5432, TCP, "allowed", null, "NETFILTER_DROP"));
    table.record(FlowObservation.drop(from, of(DB), 5432, TCP, "allowed", null, "NETFILTER_DROP"));
    table.record(FlowObservation.drop(from, of(DB), 5432, TCP, "allowed", null, "TCP_CSUM"));
    List<NetworkFlow> flows = table.flush(1);

    assertThat(flows).hasSize(1);
    assertThat(flows.getFirst().drops()).isEqualTo(Map.of("NETFILTER_DROP", 2L, "TCP_CSUM", 1L));
    assertThat(flows.getFirst().droppedPackets()).isEqualTo(3);
    assertThat(flows.getFirst().connections()).isEqualTo(1); // a drop opens no connection

    table.record(FlowObservation.drop(from, of(DB), 9, UDP, "allowed", null, "NO_SOCKET"));
    for (int port = 100; port < 116; port++) {
      table.record(traffic(from, of(DB), port, 1)); // the last pushes the dropped flow out
    }
    flows = table.flush(2);
    assertThat(flows.getLast().sourceWorkload()).isEqualTo(FlowTable.OVERFLOW);
    assertThat(flows.getLast().drops()).isEqualTo(Map.of("NO_SOCKET", 1L));
    assertThat(flows.getFirst().drops()).isEmpty();
  }

  @Test
  void portProtocolAndVerdictKeepFlowsApart() {
    FlowTable table = FlowTable.builder().build();
    FlowEndpoint web = of(WEB_1);
    FlowEndpoint db = of(DB);

    table.record(FlowObservation.connection(web, db, 5432, TCP, "allowed", null));
    table.record(FlowObservation.connection(web, db, 5433, TCP, "allowed", null));
    table.record(FlowObservation.connection(web, db, 5432, UDP, "allowed", null));
    table.record(FlowObservation.connection(web, db, 5432, TCP, "denied", "shop/default-deny"));
    table.record(FlowObservation.connection(web, db, 5432, TCP, "allowed", null));

    assertThat(table.flush(1))
        .extracting(
            f ->
                f.destination().port()
                    + "/"
                    + f.protocol()
                    + " "
                    + f.verdict()
                    + " x"
                    + f.connections())
        .containsExactlyInAnyOrder(
            "5432/6 allowed x2", "5433/6 allowed x1", "5432/17 allowed x1", "5432/6 denied x1");
  }

  @Test
  void ephemeralDestinationPortsCollapseToZero() {
    FlowTable table = FlowTable.builder().ephemeralPortsFrom(40_000).build();

    table.record(traffic(of(DB), of(WEB_1), 40_000, 1));
    table.record(traffic(of(DB), of(WEB_1), 59_123, 1));
    table.record(traffic(of(DB), of(WEB_1), 39_999, 1));

    assertThat(table.flush(1))
        .extracting(f -> f.destination().port() + " x" + f.connections())
        .containsExactlyInAnyOrder("0 x2", "39999 x1");
    assertThat(table.metrics().ephemeralPortsCollapsed()).isEqualTo(2);
  }

  @Test
  void externalAddressesPastTheBudgetAreOtherExternalUntilTheNextInterval() {
    FlowTable table = FlowTable.builder().maxExternalAddresses(2).build();
    FlowEndpoint web = of(WEB_1);

    for (int i = 0; i < 5; i++) {
      table.record(traffic(web, FlowEndpoint.address(external(i)), 443, 10));
    }
    table.record(traffic(web, FlowEndpoint.address(external(1)), 443, 10)); // known: kept
    table.record(traffic(FlowEndpoint.address(external(9)), web, 8080, 10)); // a source end too

    List<NetworkFlow> flows = table.flush(1);
    assertThat(flows)
        .extracting(
            f -> f.sourceWorkload() + " > " + f.destinationWorkload() + " x" + f.connections())
        .containsExactlyInAnyOrder(
            "Deployment:shop/web > 198.18.0.0 x1",
            "Deployment:shop/web > 198.18.0.1 x2",
            "Deployment:shop/web > other-external x3",
            "other-external > Deployment:shop/web x1");
    NetworkFlow other =
        flows.stream()
            .filter(f -> f.destinationWorkload().equals("other-external"))
            .findFirst()
            .orElseThrow();
    assertThat(other.destination().address()).isNull();
    assertThat(other.bytesOut()).isEqualTo(30);
    assertThat(table.metrics().externalAddressesCollapsed()).isEqualTo(4);

    table.record(traffic(web, FlowEndpoint.address(external(4)), 443, 10));
    assertThat(table.flush(2))
        .extracting(NetworkFlow::destinationWorkload)
        .containsExactly("198.18.0.4");
  }

  @Test
  void aFullTableEvictsTheLeastRecentlyUsedIntoOverflowKeepingTotals() {
    FlowTable table = FlowTable.builder().maxFlows(16).build();
    FlowEndpoint web = of(WEB_1);
    FlowEndpoint db = of(DB);

    for (int port = 1; port <= 16; port++) {
      table.record(traffic(web, db, port, 1));
    }
    table.record(traffic(web, db, 1, 1)); // port 1 is now the most recently used
    for (int port = 17; port <= 20; port++) {
      table.record(traffic(web, db, port, 1));
    }

    assertThat(table.size()).isEqualTo(16);
    assertThat(table.metrics().flowsEvicted()).isEqualTo(4);
    List<NetworkFlow> flows = table.flush(1);
    assertThat(flows)
        .extracting(f -> f.destination().port())
        .contains(1)
        .doesNotContain(2, 3, 4, 5);
    NetworkFlow overflow = flows.getLast();
    assertThat(overflow.sourceWorkload()).isEqualTo(FlowTable.OVERFLOW);
    assertThat(overflow.destinationWorkload()).isEqualTo(FlowTable.OVERFLOW);
    assertThat(overflow.connections()).isEqualTo(4);
    assertThat(overflow.verdict()).isEqualTo("allowed");
    assertThat(flows.stream().mapToLong(NetworkFlow::connections).sum()).isEqualTo(21);
    assertThat(flows.stream().mapToLong(NetworkFlow::bytesOut).sum()).isEqualTo(21);
    assertThat(table.size()).isZero();
  }

  @Test
  void aMillionDistinctConnectionsStayWithinTheBudgets() {
    FlowTable table = FlowTable.builder().maxFlows(1_024).maxExternalAddresses(256).build();
    FlowEndpoint web = of(WEB_1);

    for (int i = 0; i < 1_000_000; i++) {
      FlowEndpoint to = FlowEndpoint.address(external(i));
      table.record(FlowObservation.connection(web, to, 1 + i % 65_535, TCP, "no-policy", null));
      assertThat(table.size()).isLessThanOrEqualTo(1_024);
    }

    FlowTableMetrics metrics = table.metrics();
    assertThat(metrics.size()).isEqualTo(1_024);
    assertThat(metrics.externalAddressesCollapsed()).isEqualTo(1_000_000 - 256);
    assertThat(metrics.ephemeralPortsCollapsed()).isPositive();
    assertThat(metrics.flowsEvicted()).isEqualTo(metrics.flowsCreated() - 1_024);
    List<NetworkFlow> flows = table.flush(1);
    assertThat(flows).hasSizeLessThanOrEqualTo(1_024 + 1);
    assertThat(flows.stream().mapToLong(NetworkFlow::connections).sum()).isEqualTo(1_000_000);
  }

  @Test
  void endpointsAreNamedByTheirMostStableName() {
    InetAddress a = ip("10.0.0.9");
    PodInfo bare = pod("debug", "10.0.0.9");

    assertThat(FlowEndpoint.of(WEB_1, "nginx", "nginx", a).name()).isEqualTo("Deployment:shop/web");
    assertThat(FlowEndpoint.of(bare, null, null, a).name()).isEqualTo("Pod:shop/debug");
    assertThat(FlowEndpoint.of(null, "nginx", "nginx", a).name()).isEqualTo("container:nginx");
    assertThat(FlowEndpoint.of(null, "", "curl", a).name()).isEqualTo("process:curl");
    assertThat(FlowEndpoint.of(null, null, null, ip("2001:db8::1")))
        .isEqualTo(new FlowEndpoint(FlowEndpoint.Kind.ADDRESS, "2001:db8::1", ip("2001:db8::1")));
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> FlowTable.builder().maxFlows(15))
        .hasMessage("maxFlows must be at least 16, was 15");
    assertThatThrownBy(() -> FlowTable.builder().maxExternalAddresses(-1))
        .hasMessage("maxExternalAddresses must not be negative, was -1");
    assertThatThrownBy(() -> FlowTable.builder().ephemeralPortsFrom(80))
        .hasMessage("ephemeralPortsFrom must be within 1024..65536, was 80");
    assertThat(FlowTable.builder().maxFlows(16).build())
        .hasToString("FlowTable[maxFlows=16, maxExternalAddresses=1024, ephemeralPortsFrom=32768]");
  }
}
