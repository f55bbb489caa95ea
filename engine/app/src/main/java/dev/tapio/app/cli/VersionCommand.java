package dev.tapio.app.cli;

import dev.tapio.app.BuildInfo;
import dev.tapio.sensors.Libbpf;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tapio version}: what runs, on what. */
@Command(name = "version", description = "Print the Tapio, Java and libbpf versions.")
public final class VersionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("tapio " + BuildInfo.version());
    out.println(
        "java "
            + Runtime.version()
            + " ("
            + System.getProperty("java.vendor", "unknown vendor")
            + ")");
    out.println(Libbpf.describe());
    out.flush();
    return 0;
  }
}
