package dev.tapio.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapio rules}: work with rule files without running the engine. */
@Command(
    name = "rules",
    description = "Validate, compile and test rule files.",
    subcommands = {
      RulesValidateCommand.class,
      RulesCompileCommand.class,
      RulesTestCommand.class,
    })
public final class RulesCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
