package dev.tapio.image.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs a program to completion; a non-zero exit is an exception carrying its output. */
public final class Commands {
  private Commands() {}

  /** Runs {@code command} in {@code directory} and returns what it printed (stdout and stderr). */
  public static String run(Path directory, List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException(
            String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException(String.join(" ", command) + " interrupted", e);
    }
    return output;
  }
}
