package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OtlpLogSinkTest {
  static final DeliveryPolicy FAST =
      DeliveryPolicy.builder()
          .batchDelay(Duration.ofMillis(5))
          .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
          .flushTimeout(Duration.ofSeconds(10))
          .build();

  static OtlpLogSink.Builder sinkFor(OtlpReceiver receiver) {
    return OtlpLogSink.builder()
        .protocol(
            receiver.endpoint().endsWith("/v1/logs")
                ? OtlpProtocol.HTTP_PROTOBUF
                : OtlpProtocol.GRPC)
        .endpoint(receiver.endpoint())
        .timeout(Duration.ofSeconds(2))
        .serviceVersion("1.2.3")
        .hostName("node-1")
        .nodeName("node-1")
        .clusterName("prod-eu")
        .delivery(FAST);
  }

  @ParameterizedTest
  @EnumSource(OtlpReceiver.Mode.class)
  void oneAlertBecomesOneExactLogRecord(OtlpReceiver.Mode mode) {
    try (OtlpReceiver receiver = OtlpReceiver.start(mode)) {
      try (OtlpLogSink sink =
          sinkFor(receiver).header("x-tenant", "shop").compression("gzip").build()) {
        sink.send(TestAlerts.shellAlert("alert-1"));
        sink.flush();
        assertThat(sink.stats().delivered()).isEqualTo(1);
      }

      assertThat(receiver.records()).hasSize(1);
      OtlpReceiver.Received received = receiver.records().getFirst();
      LogRecord record = received.record();
      assertThat(record.getBody().getStringValue())
          .isEqualTo("A shell was spawned in a container (user=root shell=bash container=web)");
      assertThat(record.getSeverityNumberValue()).isEqualTo(13);
      assertThat(record.getSeverityText()).isEqualTo("WARN");
      assertThat(record.getEventName()).isEqualTo("tapio.alert");
      assertThat(record.getTimeUnixNano()).isEqualTo(TestAlerts.TIME_NANOS);
      assertThat(record.getObservedTimeUnixNano()).isPositive().isNotEqualTo(TestAlerts.TIME_NANOS);

      Map<String, AnyValue> attrs = received.attributes();
      assertThat(attrs).doesNotContainKey("event.name");
      assertThat(received.string("tapio.alert.id")).isEqualTo("alert-1");
      assertThat(received.string("tapio.rule")).isEqualTo("Terminal shell in container");
      assertThat(received.string("tapio.priority")).isEqualTo("Warning");
      assertThat(received.string("tapio.source")).isEqualTo("syscall");
      assertThat(received.string("tapio.event.type")).isEqualTo("execve");
      assertThat(strings(attrs.get("tapio.tags")))
          .containsExactly("T1059", "container", "mitre_execution", "shell");
      assertThat(strings(attrs.get("tapio.mitre.techniques"))).containsExactly("T1059");
      assertThat(strings(attrs.get("tapio.mitre.tactics"))).containsExactly("execution");
      // Output fields under their Falco names, typed.
      assertThat(received.string("proc.name")).isEqualTo("bash");
      assertThat(attrs.get("proc.pid").getIntValue()).isEqualTo(4242);
      assertThat(attrs.get("proc.tty").getIntValue()).isEqualTo(34816);
      assertThat(attrs.get("evt.is_open_write").hasBoolValue()).isTrue();
      assertThat(received.string("k8s.ns.name")).isEqualTo("shop");
      assertThat(attrs).doesNotContainKey("fd.name");
      // Rule identity.
      assertThat(received.string("security_rule.name")).isEqualTo("Terminal shell in container");
      assertThat(received.string("security_rule.uuid")).hasSize(36);
      assertThat(received.string("security_rule.ruleset.name")).isEqualTo("tapio/syscall");
      assertThat(received.string("security_rule.category")).isEqualTo("execution");
      assertThat(received.string("security_rule.reference"))
          .isEqualTo("https://attack.mitre.org/techniques/T1059/");
      // Workload semantic conventions (the full container id wins over Falco's short one).
      assertThat(received.string("container.id")).isEqualTo(TestAlerts.CONTAINER_ID);
      assertThat(received.string("container.name")).isEqualTo("web");
      assertThat(received.string("container.image.name")).isEqualTo("docker.io/library/nginx");
      assertThat(strings(attrs.get("container.image.tags"))).containsExactly("1.27");
      assertThat(received.string("k8s.pod.name")).isEqualTo("web-7d9c5b6f4-x2x9z");
      assertThat(received.string("k8s.namespace.name")).isEqualTo("shop");
      assertThat(received.string("k8s.deployment.name")).isEqualTo("web");
      assertThat(received.string("k8s.replicaset.name")).isEqualTo("web-7d9c5b6f4");
      assertThat(attrs.get("process.pid").getIntValue()).isEqualTo(4242);
      assertThat(received.string("process.executable.path")).isEqualTo("/usr/bin/bash");
      assertThat(received.string("process.command_line")).isEqualTo("bash -c id");
      assertThat(received.string("user.name")).isEqualTo("root");

      assertThat(received.resource().get("service.name").getStringValue()).isEqualTo("tapio");
      assertThat(received.resource().get("service.version").getStringValue()).isEqualTo("1.2.3");
      assertThat(received.resource().get("host.name").getStringValue()).isEqualTo("node-1");
      assertThat(received.resource().get("k8s.node.name").getStringValue()).isEqualTo("node-1");
      assertThat(received.resource().get("k8s.cluster.name").getStringValue()).isEqualTo("prod-eu");
      assertThat(received.scope()).isEqualTo("dev.tapio.alerts");
      assertThat(receiver.lastHeaders()).containsEntry("x-tenant", "shop");
    }
  }

  @Test
  void networkAlertCarriesNetworkConventions() {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC);
        OtlpLogSink sink = sinkFor(receiver).build()) {
      sink.send(TestAlerts.numbered("syscall", 1));
      sink.flush();
      OtlpReceiver.Received received = receiver.records().getFirst();
      assertThat(received.string("network.transport")).isEqualTo("tcp");
      assertThat(received.string("network.type")).isEqualTo("ipv4");
      assertThat(received.string("network.peer.address")).isEqualTo("198.51.100.7");
      assertThat(received.attributes().get("network.peer.port").getIntValue()).isEqualTo(4444);
      assertThat(received.string("network.local.address")).isEqualTo("192.0.2.1");
      assertThat(received.attributes()).doesNotContainKeys("container.id", "k8s.pod.name");
      assertThat(received.string("user.name")).isEqualTo("alice");
      assertThat(received.record().getSeverityText()).isEqualTo("INFO2");
    }
  }

  @Test
  void settingsComeFromTheStandardEnvironment() {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.HTTP)) {
      Map<String, String> env =
          Map.of(
              "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + receiver.port(),
              "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
              "OTEL_EXPORTER_OTLP_HEADERS", "authorization=Bearer%20abc,x-scope=a",
              "OTEL_EXPORTER_OTLP_LOGS_HEADERS", "x-scope=logs",
              "OTEL_EXPORTER_OTLP_LOGS_COMPRESSION", "gzip",
              "OTEL_EXPORTER_OTLP_TIMEOUT", "3000",
              "OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=prod,service.name=other");
      OtlpLogSink.Builder builder = OtlpLogSink.builder().fromEnvironment(env).delivery(FAST);
      assertThat(builder.effectiveEndpoint())
          .isEqualTo("http://127.0.0.1:" + receiver.port() + "/v1/logs");
      try (OtlpLogSink sink = builder.build()) {
        sink.send(TestAlerts.shellAlert("env-1"));
        sink.flush();
      }
      assertThat(receiver.records()).hasSize(1);
      assertThat(receiver.lastHeaders())
          .containsEntry("authorization", "Bearer abc")
          .containsEntry("x-scope", "logs")
          .containsEntry("content-encoding", "gzip");
      var resource = receiver.records().getFirst().resource();
      assertThat(resource.get("deployment.environment.name").getStringValue()).isEqualTo("prod");
      assertThat(resource.get("service.name").getStringValue()).isEqualTo("tapio");
    }
  }

  @Test
  void twoSinksOfAKindAreToldApartByName() {
    try (OtlpReceiver receiver = OtlpReceiver.start(OtlpReceiver.Mode.GRPC);
        OtlpLogSink siem = sinkFor(receiver).name("otlp-siem").build()) {
      assertThat(siem.name()).isEqualTo("otlp-siem");
      assertThat(siem.stats().sink()).isEqualTo("otlp-siem");
    }
    assertThatThrownBy(() -> OtlpLogSink.builder().name(" "))
        .hasMessage("a sink name must not be blank");
  }

  @Test
  void logsSpecificEndpointIsUsedAsIs() {
    Map<String, String> env =
        Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318",
            "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT", "http://logs:9999/custom");
    assertThat(OtlpLogSink.builder().fromEnvironment(env).effectiveEndpoint())
        .isEqualTo("http://logs:9999/custom");
    assertThat(
            OtlpLogSink.builder()
                .fromEnvironment(
                    Map.of(
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                        "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"))
                .effectiveEndpoint())
        .isEqualTo("http://collector:4317");
  }

  @Test
  void badEnvironmentIsRejectedWithAMessage() {
    assertThatThrownBy(
            () ->
                OtlpLogSink.builder()
                    .fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json")))
        .hasMessage("unsupported OTLP protocol 'http/json': use grpc or http/protobuf");
    assertThatThrownBy(
            () -> OtlpLogSink.builder().fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "5s")))
        .hasMessage("OTEL_EXPORTER_OTLP_TIMEOUT must be a whole number of milliseconds: '5s'");
    assertThatThrownBy(
            () ->
                OtlpLogSink.builder()
                    .fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_CLIENT_KEY", "/k.pem")))
        .hasMessage("client TLS needs both a private key and a certificate");
    assertThatThrownBy(
            () ->
                OtlpLogSink.builder()
                    .fromEnvironment(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "novalue")))
        .hasMessage("OTEL_EXPORTER_OTLP_HEADERS holds an entry without '=': 'novalue'");
    assertThatThrownBy(() -> OtlpLogSink.builder().compression("zstd"))
        .hasMessage("unsupported OTLP compression 'zstd': use gzip or none");
  }

  static List<String> strings(AnyValue value) {
    return value.getArrayValue().getValuesList().stream().map(AnyValue::getStringValue).toList();
  }
}
