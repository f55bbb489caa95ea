package dev.tapio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers {@code --help} with its usage, as a user tries first. */
class HelpOptionTest {

  @Test
  void everyCommandPrintsItsUsageForHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(TapioCommand.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(8);
    for (List<String> path : paths) {
      CommandLine cli = TapioCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      int status = cli.execute(args.toArray(String[]::new));
      assertThat(status).as("tapio %s --help", String.join(" ", path)).isZero();
      assertThat(err.toString()).as("stderr of tapio %s --help", path).isEmpty();
      assertThat(out.toString())
          .as("tapio %s --help", String.join(" ", path))
          .contains("Usage: tapio " + String.join(" ", path));
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                return;
              }
              List<String> next = new ArrayList<>(path);
              next.add(name);
              into.add(next);
              collect(sub, next, into);
            });
  }
}
