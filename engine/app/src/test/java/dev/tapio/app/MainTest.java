package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.app.cli.TapioCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = TapioCommand.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int status = cli.execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void versionNamesTapioJavaAndLibbpf() {
    Result r = run("version");
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
    Result r = run("--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("Usage: tapio", "version", "run");
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = run("frobnicate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
  }
}
