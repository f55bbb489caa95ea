package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.app.cli.CliRunner;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void versionNamesTapioJavaAndLibbpf() {
    CliRunner r = CliRunner.run("version");
    assertThat(r.status()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo("tapio " + BuildInfo.version());
    assertThat(BuildInfo.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(lines[1]).startsWith("java " + Runtime.version().feature());
    assertThat(lines[2]).matches("libbpf \\d+\\.\\d+|" + dev.tapio.sensors.Libbpf.NOT_FOUND);
  }

  @Test
  void helpListsTheCommands() {
    CliRunner r = CliRunner.run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: tapio", "version", "run");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRunner r = CliRunner.run("frobnicate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
  }
}
