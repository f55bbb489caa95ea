package dev.tapio.app.cli;

import dev.tapio.app.config.ConfigPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tapio config}: the configuration of {@code tapio run}. */
@Command(
    name = "config",
    description = "Show or check the configuration of 'tapio run'.",
    subcommands = {ConfigCommand.Show.class})
public final class ConfigCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code tapio config show}: every setting in effect, defaults included, as YAML. */
  @Command(
      name = "show",
      description = {
        "Print the configuration in effect as YAML, every default included, each value set by"
            + " the file, the environment or a flag followed by where it came from.",
        "Exit status 2 when the configuration is invalid (each problem as file:line:column)."
      })
  public static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin EngineCommandOptions engine = new EngineCommandOptions();

    @Override
    public Integer call() throws Exception {
      return ConfigErrors.reported(
          spec,
          () -> {
            PrintWriter out = spec.commandLine().getOut();
            out.print(ConfigPrinter.yaml(engine.resolve(System.getenv())));
            out.flush();
            return 0;
          });
    }
  }
}
