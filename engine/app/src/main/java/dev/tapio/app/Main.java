package dev.tapio.app;

import dev.tapio.app.cli.TapioCommand;

/** Entry point of {@code tapio.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit status, without exiting the JVM. */
  public static int run(String... args) {
    return TapioCommand.commandLine().execute(args);
  }
}
