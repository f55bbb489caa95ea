package dev.tapio.app.cli;

import dev.tapio.app.config.ConfigException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** An invalid configuration ends a command with its problems on stderr and exit status 2. */
final class ConfigErrors {
  static final int INVALID = 2;

  private ConfigErrors() {}

  static int reported(CommandLine.Model.CommandSpec spec, Callable<Integer> command)
      throws Exception {
    try {
      return command.call();
    } catch (ConfigException e) {
      PrintWriter err = spec.commandLine().getErr();
      e.problems().forEach(p -> err.println("error: " + p));
      err.flush();
      return INVALID;
    }
  }
}
