package dev.tapio.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** OTLP over mutual TLS: a private CA, a server certificate and a client certificate. */
class OtlpTlsTest {

  @ParameterizedTest
  @EnumSource(OtlpReceiver.Mode.class)
  void exportsOverMutualTlsWithACustomCa(OtlpReceiver.Mode mode, @TempDir Path dir)
      throws Exception {
    TestPki pki = TestPki.create(dir);
    try (OtlpReceiver receiver =
        OtlpReceiver.startTls(
            mode, new OtlpReceiver.Tls(pki.serverCert(), pki.serverKey(), pki.ca()))) {
      try (OtlpLogSink sink =
          OtlpLogSinkTest.sinkFor(receiver)
              .trustedCertificates(pki.ca())
              .clientTls(pki.clientKey(), pki.clientCert())
              .build()) {
        sink.send(TestAlerts.shellAlert("tls-1"));
        sink.flush();
        assertThat(sink.stats().delivered()).isEqualTo(1);
      }
      assertThat(receiver.records()).hasSize(1);
      assertThat(receiver.records().getFirst().string("tapio.alert.id")).isEqualTo("tls-1");
    }
  }

  @Test
  void tlsSettingsComeFromTheEnvironmentAndAMissingClientCertIsRefused(@TempDir Path dir)
      throws Exception {
    TestPki pki = TestPki.create(dir);
    try (OtlpReceiver receiver =
        OtlpReceiver.startTls(new OtlpReceiver.Tls(pki.serverCert(), pki.serverKey(), pki.ca()))) {
      DeliveryPolicy once =
          DeliveryPolicy.builder()
              .batchDelay(Duration.ofMillis(5))
              .maxAttempts(1)
              .flushTimeout(Duration.ofSeconds(5))
              .build();
      try (OtlpLogSink withoutClientCert =
          OtlpLogSink.builder()
              .fromEnvironment(
                  Map.of(
                      "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                      "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                      "OTEL_EXPORTER_OTLP_CERTIFICATE", pki.ca().toString()))
              .delivery(once)
              .build()) {
        withoutClientCert.send(TestAlerts.shellAlert("refused"));
        withoutClientCert.flush();
        assertThat(withoutClientCert.stats().dropped(DropReason.RETRIES_EXHAUSTED)).isEqualTo(1);
      }
      try (OtlpLogSink withClientCert =
          OtlpLogSink.builder()
              .fromEnvironment(
                  Map.of(
                      "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                      "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                      "OTEL_EXPORTER_OTLP_CERTIFICATE", pki.ca().toString(),
                      "OTEL_EXPORTER_OTLP_CLIENT_KEY", pki.clientKey().toString(),
                      "OTEL_EXPORTER_OTLP_CLIENT_CERTIFICATE", pki.clientCert().toString()))
              .delivery(once)
              .build()) {
        withClientCert.send(TestAlerts.shellAlert("accepted"));
        withClientCert.flush();
        assertThat(withClientCert.stats().delivered()).isEqualTo(1);
      }
      assertThat(receiver.records())
          .extracting(r -> r.string("tapio.alert.id"))
          .containsExactly("accepted");
    }
  }
}
