package dev.tapio.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Turns {@code --rules FILE} and {@code --rules-dir DIR} options into one ordered file list. */
public final class RuleFiles {
  private RuleFiles() {}

  /** The files first, in the order given, then each directory's YAML files in name order. */
  public static List<Path> collect(List<Path> files, List<Path> dirs) {
    List<Path> all = new ArrayList<>(files);
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("rules directory not found: " + dir);
      }
      try (Stream<Path> entries = Files.list(dir)) {
        entries
            .filter(Files::isRegularFile)
            .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
            .sorted()
            .forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list rules directory " + dir, e);
      }
    }
    return all;
  }
}
