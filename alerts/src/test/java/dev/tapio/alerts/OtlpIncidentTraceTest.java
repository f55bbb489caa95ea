package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alerts of one incident (same node, container and session) share a trace id at the receiver. */
class OtlpIncidentTraceTest {

  private static Alert inSession(String id, int sessionId) {
    Alert base = TestAlerts.shellAlert(id);
    EnrichedEvent e = base.event();
    return base.withEvent(e.withLineage(Lineage.of(e.process().withSessionId(sessionId))));
  }

  @Test
  void alertsOfOneSessionShareATraceIdAndEachHasItsOwnSpan() {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC);
        OtlpLogSink sink =
            OtlpLogSink.builder()
                .protocol(OtlpProtocol.GRPC)
                .endpoint(receiver.endpoint())
                .timeout(Duration.ofSeconds(2))
                .build()) {
      sink.send(inSession("a", 100));
      sink.send(inSession("b", 100));
      sink.send(inSession("c", 200));
      sink.flush();

      List<LogRecord> records = receiver.records().stream().map(r -> r.record()).toList();
      assertThat(records).hasSize(3);
      String a = HexFormat.of().formatHex(records.get(0).getTraceId().toByteArray());
      String b = HexFormat.of().formatHex(records.get(1).getTraceId().toByteArray());
      String c = HexFormat.of().formatHex(records.get(2).getTraceId().toByteArray());
      assertThat(a).hasSize(32).isEqualTo(b).isNotEqualTo(c).isNotEqualTo("0".repeat(32));
      assertThat(records).extracting(r -> r.getSpanId().size()).containsOnly(8);
      assertThat(records.get(0).getSpanId()).isNotEqualTo(records.get(1).getSpanId());
    }
  }
}
