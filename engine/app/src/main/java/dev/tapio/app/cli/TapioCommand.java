package dev.tapio.app.cli;

import dev.tapio.app.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapio}: the top-level command. */
@Command(
    name = "tapio",
    mixinStandardHelpOptions = true,
    versionProvider = TapioCommand.Version.class,
    description = "Security detection engine for Linux and Kubernetes nodes.",
    subcommands = {
      VersionCommand.class,
      RunCommand.class,
      ConfigCommand.class,
      RulesCommand.class,
      RecordCommand.class,
      ReplayCommand.class,
      SensorsCommand.class,
      NetpolCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class TapioCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The command line, every command and subcommand answering {@code --help}. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TapioCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    withHelp(cli);
    return cli;
  }

  private static void withHelp(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
      if (!(sub.getCommand() instanceof CommandLine.HelpCommand)
          && spec.findOption("--help") == null) {
        spec.addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
      }
      withHelp(sub);
    }
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"tapio " + BuildInfo.version()};
    }
  }
}
