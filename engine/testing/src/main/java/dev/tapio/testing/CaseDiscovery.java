package dev.tapio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds case files: the files named, and every {@code *.yaml}/{@code *.yml} case file below
 * directories. Below a directory, YAML files that are not case files (rule files, whose top level
 * is a list) are skipped, so rules and their cases can live side by side.
 */
public final class CaseDiscovery {
  private static final ObjectMapper YAML = new YAMLMapper();

  private CaseDiscovery() {}

  public static List<Path> find(List<Path> paths) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(CaseDiscovery::isYaml)
              .filter(CaseDiscovery::mayBeCaseFile)
              .sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new CaseFormatException(p + ": no such file or directory");
      }
    }
    return out;
  }

  /** False only for YAML that parses and whose top level is not a mapping with {@code cases}. */
  private static boolean mayBeCaseFile(Path p) {
    try {
      JsonNode root = YAML.readTree(p.toFile());
      return root == null || !root.isArray() && (!root.isObject() || root.has("cases"));
    } catch (IOException e) {
      return true; // reading it as a case file will report the problem
    }
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
