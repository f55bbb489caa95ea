package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkFlow;
import dev.tapio.api.event.SocketAddress;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flow telemetry at a real OTLP receiver: one {@code tapio.flow} record per flow with the
 * semantic-convention keys, one {@code tapio.flow.table} record with the counters, the alerts'
 * resource; a receiver that keeps refusing costs the interval's flows, counted, and nothing else.
 */
class OtlpFlowExporterTest {
  private static final long START = 1_700_000_000_000_000_000L;
  private static final long END = START + 60_000_000_000L;

  @ParameterizedTest
  @EnumSource(OtlpReceiver.Mode.class)
  void eachFlowIsOneLogRecordAndTheTableCountersFollow(OtlpReceiver.Mode mode) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(mode)) {
      try (OtlpFlowExporter exporter = OtlpLogSinkTest.sinkFor(receiver).buildFlowExporter()) {
        exporter.export(report());
        assertThat(exporter.stats()).isEqualTo(new FlowExportStats(1, 2, 0, 0));
      }

      List<OtlpReceiver.Received> records = receiver.records();
      assertThat(records).hasSize(3);
      assertThat(records).allMatch(r -> r.scope().equals("dev.tapio.flows"));
      assertThat(records.getFirst().resource().get("k8s.node.name").getStringValue())
          .isEqualTo("node-1");

      LogRecord web = records.get(0).record();
      assertThat(web.getEventName()).isEqualTo("tapio.flow");
      assertThat(web.getBody().getStringValue())
          .isEqualTo("Deployment:shop/web -> [2001:db8::5]:443/tcp allowed: 3 connections");
      assertThat(web.getTimeUnixNano()).isEqualTo(END);
      assertThat(web.getSeverityText()).isEqualTo("INFO");
      Map<String, AnyValue> a = records.get(0).attributes();
      assertThat(a.get("tapio.flow.source.workload").getStringValue())
          .isEqualTo("Deployment:shop/web");
      assertThat(a.get("tapio.flow.destination.workload").getStringValue())
          .isEqualTo("2001:db8::5");
      assertThat(a.get("source.address").getStringValue()).isEqualTo("10.0.0.7");
      assertThat(a.get("destination.address").getStringValue()).isEqualTo("2001:db8::5");
      assertThat(a.get("destination.port").getIntValue()).isEqualTo(443);
      assertThat(a.get("network.transport").getStringValue()).isEqualTo("tcp");
      assertThat(a.get("network.type").getStringValue()).isEqualTo("ipv6");
      assertThat(a.get("tapio.flow.verdict").getStringValue()).isEqualTo("allowed");
      assertThat(a.get("tapio.flow.policy").getStringValue()).isEqualTo("shop/allow-web");
      assertThat(a.get("tapio.flow.connections").getIntValue()).isEqualTo(3);
      assertThat(a.get("tapio.flow.bytes_out").getIntValue()).isEqualTo(1200);
      assertThat(a.get("tapio.flow.bytes_in").getIntValue()).isEqualTo(56_000);
      assertThat(a.get("tapio.flow.packets_out").getIntValue()).isEqualTo(12);
      assertThat(a.get("tapio.flow.packets_in").getIntValue()).isEqualTo(40);
      assertThat(a.get("tapio.flow.interval.start").getIntValue()).isEqualTo(START);
      assertThat(a.get("tapio.flow.drops").getIntValue()).isEqualTo(3);
      assertThat(a.get("tapio.flow.drop_reasons").getStringValue())
          .isEqualTo("NETFILTER_DROP=2,NO_SOCKET=1");

      Map<String, AnyValue> overflow = records.get(1).attributes();
      assertThat(overflow.get("tapio.flow.source.workload").getStringValue()).isEqualTo("overflow");
      assertThat(overflow)
          .doesNotContainKeys(
              "source.address",
              "tapio.flow.verdict",
              "tapio.flow.drops",
              "tapio.flow.drop_reasons");
      assertThat(records.get(1).record().getBody().getStringValue())
          .isEqualTo("overflow -> overflow:*/udp: 5 connections");

      LogRecord table = records.get(2).record();
      assertThat(table.getEventName()).isEqualTo("tapio.flow.table");
      assertThat(table.getBody().getStringValue())
          .isEqualTo("flow table: 2 flows; observations=9 flows_evicted=4");
      Map<String, AnyValue> counters = records.get(2).attributes();
      assertThat(counters.get("tapio.flow.table.observations").getIntValue()).isEqualTo(9);
      assertThat(counters.get("tapio.flow.table.flows_evicted").getIntValue()).isEqualTo(4);
    }
  }

  @Test
  void aReceiverThatKeepsRefusingCostsTheIntervalsFlowsCounted() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP)) {
      receiver.failNext(3);
      try (OtlpFlowExporter exporter = OtlpLogSinkTest.sinkFor(receiver).buildFlowExporter()) {
        exporter.export(report());
        assertThat(exporter.stats()).isEqualTo(new FlowExportStats(1, 0, 2, 3));
        exporter.export(report());
        assertThat(exporter.stats()).isEqualTo(new FlowExportStats(2, 2, 2, 3));
      }
      assertThat(receiver.records()).hasSize(3);
    }
  }

  private static FlowReport report() throws Exception {
    NetworkFlow web =
        new NetworkFlow(
            new EventHeader(END, 0, 0, 0, Namespaces.UNKNOWN),
            6,
            new SocketAddress(InetAddress.getByName("10.0.0.7"), 0, null),
            new SocketAddress(InetAddress.getByName("2001:db8::5"), 443, null),
            1200,
            56_000,
            12,
            40,
            "allowed",
            "shop/allow-web",
            3,
            "Deployment:shop/web",
            "2001:db8::5",
            Map.of("NO_SOCKET", 1L, "NETFILTER_DROP", 2L));
    NetworkFlow overflow =
        new NetworkFlow(
            new EventHeader(END, 0, 0, 0, Namespaces.UNKNOWN),
            17,
            new SocketAddress(null, 0, null),
            new SocketAddress(null, 0, null),
            0,
            0,
            0,
            0,
            "",
            null,
            5,
            "overflow",
            "overflow");
    Map<String, Long> counters = new LinkedHashMap<>();
    counters.put("observations", 9L);
    counters.put("flows_evicted", 4L);
    return new FlowReport(START, END, List.of(web, overflow), counters);
  }
}
