package dev.tapio.app.outputs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory sinks spool under: the configured one when it can be created and written, else a
 * private temporary directory, said loudly at start (a temporary spool may not survive a reboot).
 */
public final class SpoolRoot {
  private static final Logger log = LoggerFactory.getLogger(SpoolRoot.class);

  static final String FALLBACK =
      "spool directory {} is not writable ({}); spooling under {} instead, which may not survive a"
          + " reboot";

  private SpoolRoot() {}

  /** {@code configured} if usable, else a fresh directory under the system's temporary one. */
  public static Path choose(Path configured) {
    String fallbackReason;
    try {
      Files.createDirectories(configured);
      if (Files.isWritable(configured)) {
        return configured;
      }
      fallbackReason = "no write permission";
    } catch (IOException | SecurityException e) {
      fallbackReason = e.toString();
    }
    try {
      Path temp =
          Files.createTempDirectory(
              "tapio-spool-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      log.warn(FALLBACK, configured, fallbackReason, temp);
      return temp;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("no directory to spool alerts in", e);
    }
  }

  /** Bytes held in the files under {@code dir}; 0 when it does not exist. */
  public static long bytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(SpoolRoot::size).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }
}
