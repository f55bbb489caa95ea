package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.alerts.internal.SyslogFormatter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyslogSinkTest {
  /** Quick batches, and retries for a few seconds while a fresh rsyslogd settles. */
  private static final DeliveryPolicy FAST =
      DeliveryPolicy.builder()
          .batchDelay(Duration.ofMillis(5))
          .maxAttempts(30)
          .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
          .build();

  private static final String PID = Long.toString(ProcessHandle.current().pid());

  @Test
  void formatsRfc5424WithStructuredData() {
    SyslogFormatter formatter = new SyslogFormatter(16, "tapio", "", false, 8192);
    String message =
        new String(formatter.format(TestAlerts.shellAlert("a-1")), StandardCharsets.UTF_8);
    assertThat(message)
        .isEqualTo(
            "<132>1 2026-11-26T09:14:03.123456Z node-1 tapio "
                + PID
                + " alert [tapio@32473 id=\"a-1\" rule=\"Terminal shell in container\""
                + " priority=\"Warning\" source=\"syscall\""
                + " tags=\"T1059,container,mitre_execution,shell\"] \uFEFF"
                + "A shell was spawned in a container (user=root shell=bash container=web)");
  }

  @Test
  void escapesParamValuesAndCutsLongMessagesAtACharacter() {
    SyslogFormatter formatter = new SyslogFormatter(4, "tapio", "host one", false, 480);
    var alert = TestAlerts.shellAlert("q\"u]o\\te");
    byte[] bytes = formatter.format(withOutput(alert, "ä".repeat(1000)));
    String message = new String(bytes, StandardCharsets.UTF_8);
    assertThat(message).startsWith("<36>1 2026-11-26T09:14:03.123456Z host_one tapio ");
    assertThat(message).contains("id=\"q\\\"u\\]o\\\\te\"");
    assertThat(bytes.length).isLessThanOrEqualTo(480);
    assertThat(message).endsWith("ä").doesNotContain("\uFFFD");
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> SyslogSink.builder().port(70000))
        .hasMessage("syslog port must be 1-65535: 70000");
    assertThatThrownBy(() -> SyslogSink.builder().maxMessageBytes(100))
        .hasMessage("syslog maxMessageBytes must be at least 480: 100");
  }

  @Test
  @Tag("privileged")
  void deliversOverTcpAndUdpToRealRsyslog(@TempDir Path dir) throws Exception {
    try (RsyslogReceiver rsyslog = RsyslogReceiver.start(dir, null)) {
      try (SyslogSink tcp =
              SyslogSink.builder()
                  .port(rsyslog.tcpPort)
                  .transport(SyslogTransport.TCP)
                  .facility(SyslogFacility.AUTHPRIV)
                  .delivery(FAST)
                  .build();
          SyslogSink udp =
              SyslogSink.builder()
                  .port(rsyslog.udpPort)
                  .transport(SyslogTransport.UDP)
                  .format(SyslogSink.MessageFormat.JSON)
                  .delivery(FAST)
                  .build()) {
        for (int i = 0; i < 50; i++) {
          tcp.send(TestAlerts.numbered("syscall", i));
        }
        tcp.send(TestAlerts.shellAlert("tcp-shell"));
        udp.send(TestAlerts.shellAlert("udp-shell"));
        tcp.flush();
        udp.flush();
        assertThat(tcp.stats().delivered()).isEqualTo(51);
      }
      List<JsonNode> messages = rsyslog.awaitMessages(52);
      assertThat(messages).hasSize(52);
      List<JsonNode> viaTcp =
          messages.stream().filter(m -> m.get("input").asText().equals("imtcp")).toList();
      assertThat(viaTcp).hasSize(51);
      for (int i = 0; i < 50; i++) {
        assertThat(stripBom(viaTcp.get(i).get("msg").asText())).isEqualTo("alert " + i);
      }
      JsonNode shell = viaTcp.get(50);
      assertThat(shell.get("pri").asText()).isEqualTo("84"); // authpriv(10) * 8 + warning(4)
      assertThat(shell.get("facility").asText()).isEqualTo("10");
      assertThat(shell.get("severity").asText()).isEqualTo("4");
      assertThat(shell.get("version").asText()).isEqualTo("1");
      assertThat(shell.get("time").asText()).isEqualTo("2026-11-26T09:14:03.123456Z");
      assertThat(shell.get("hostname").asText()).isEqualTo("node-1");
      assertThat(shell.get("app").asText()).isEqualTo("tapio");
      assertThat(shell.get("procid").asText()).isEqualTo(PID);
      assertThat(shell.get("msgid").asText()).isEqualTo("alert");
      assertThat(shell.get("sd").asText())
          .isEqualTo(
              "[tapio@32473 id=\"tcp-shell\" rule=\"Terminal shell in container\""
                  + " priority=\"Warning\" source=\"syscall\""
                  + " tags=\"T1059,container,mitre_execution,shell\"]");
      assertThat(stripBom(shell.get("msg").asText()))
          .isEqualTo("A shell was spawned in a container (user=root shell=bash container=web)");

      JsonNode viaUdp =
          messages.stream()
              .filter(m -> m.get("input").asText().equals("imudp"))
              .findFirst()
              .orElseThrow();
      JsonNode falco = new ObjectMapper().readTree(stripBom(viaUdp.get("msg").asText()));
      assertThat(falco.get("uuid").asText()).isEqualTo("udp-shell");
      assertThat(falco.get("rule").asText()).isEqualTo("Terminal shell in container");
      assertThat(viaUdp.get("pri").asText()).isEqualTo("132");
    }
  }

  @Test
  @Tag("privileged")
  void deliversOverTlsToRealRsyslog(@TempDir Path dir) throws Exception {
    TestPki pki = TestPki.create(dir);
    try (RsyslogReceiver rsyslog = RsyslogReceiver.start(dir, pki)) {
      try (SyslogSink tls =
          SyslogSink.builder()
              .port(rsyslog.tlsPort)
              .transport(SyslogTransport.TLS)
              .trustedCertificates(pki.ca())
              .delivery(FAST)
              .build()) {
        tls.send(TestAlerts.shellAlert("tls-shell"));
        tls.flush();
        assertThat(tls.stats().delivered()).as(tls.stats().toString()).isEqualTo(1);
      }
      List<JsonNode> messages = rsyslog.awaitMessages(1);
      assertThat(messages).hasSize(1);
      assertThat(messages.getFirst().get("sd").asText()).contains("id=\"tls-shell\"");
    }
  }

  @Test
  @Tag("privileged")
  void rsyslogRestartIsBridgedByRetries(@TempDir Path dir) throws Exception {
    RsyslogReceiver rsyslog = RsyslogReceiver.start(dir, null);
    try (SyslogSink sink =
        SyslogSink.builder()
            .port(rsyslog.tcpPort)
            .transport(SyslogTransport.TCP)
            .delivery(FAST)
            .build()) {
      sink.send(TestAlerts.numbered("syscall", 0));
      sink.flush();
      // plain TCP syslog has no acknowledgement: wait until rsyslog has written the first alert,
      // or stopping it may lose what it still held in memory
      rsyslog.awaitMessages(1);
      rsyslog.close();
      sink.send(TestAlerts.numbered("syscall", 1));
      Thread.sleep(300);
      rsyslog = rsyslog.restart();
      sink.flush();
      assertThat(sink.stats().delivered()).isEqualTo(2);
      assertThat(sink.stats().retried()).isPositive();
      assertThat(rsyslog.awaitMessages(2))
          .extracting(m -> stripBom(m.get("msg").asText()))
          .containsExactly("alert 0", "alert 1");
    } finally {
      rsyslog.close();
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static dev.tapio.api.alert.Alert withOutput(dev.tapio.api.alert.Alert a, String output) {
    return new dev.tapio.api.alert.Alert(
        a.id(),
        a.rule(),
        a.priority(),
        output,
        a.outputFields(),
        a.tags(),
        a.source(),
        a.timeNanos(),
        a.event());
  }
}
