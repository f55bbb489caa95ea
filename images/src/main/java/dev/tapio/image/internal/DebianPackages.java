package dev.tapio.image.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The image's native base as Debian packages: downloaded with {@code apt-get download} (no
 * installation, no root needed), checked to be closed under their dependencies, and unpacked with
 * {@code dpkg-deb -x}. Their maintainer scripts never run; these libraries need none.
 */
public final class DebianPackages {
  static final String UNMET = "%s depends on %s, which %s does not list";
  static final String DOWNLOAD_FAILED =
      "apt-get download failed (is the package index current? run apt-get update): %s";

  /** One downloaded package: its control fields that matter here, and its file. */
  public record Package(String name, String version, List<List<String>> depends, Path deb) {
    public Package {
      depends = depends.stream().map(List::copyOf).toList();
    }

    /** {@code name=version}, as {@code apt-get install} takes it. */
    public String pinned() {
      return name + "=" + version;
    }
  }

  private DebianPackages() {}

  /** The package names in a list file: one per line, {@code #} comments and blank lines ignored. */
  public static List<String> names(Path listFile) throws IOException {
    return Files.readAllLines(listFile).stream()
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  /** Downloads {@code names} into {@code directory} and reads each file's control fields. */
  public static List<Package> download(List<String> names, Path directory) throws IOException {
    Files.createDirectories(directory);
    List<String> command = new ArrayList<>(List.of("apt-get", "download", "-q"));
    command.addAll(names);
    try {
      Commands.run(directory, command);
    } catch (IOException stale) {
      // an old package index names versions the mirror no longer serves: refresh it once (root)
      try {
        Commands.run(directory, List.of("apt-get", "update", "-q"));
        Commands.run(directory, command);
      } catch (IOException e) {
        e.addSuppressed(stale);
        throw new IOException(DOWNLOAD_FAILED.formatted(e.getMessage()), e);
      }
    }
    List<Package> packages = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path deb : files.filter(f -> f.toString().endsWith(".deb")).sorted().toList()) {
        packages.add(read(directory, deb));
      }
    }
    return packages.stream().sorted(Comparator.comparing(Package::name)).toList();
  }

  static Package read(Path directory, Path deb) throws IOException {
    Map<String, String> fields =
        controlFields(
            Commands.run(
                directory,
                List.of(
                    "dpkg-deb",
                    "-f",
                    deb.toString(),
                    "Package",
                    "Version",
                    "Depends",
                    "Pre-Depends")));
    List<List<String>> depends = new ArrayList<>(parseDepends(fields.getOrDefault("Depends", "")));
    depends.addAll(parseDepends(fields.getOrDefault("Pre-Depends", "")));
    return new Package(
        fields.getOrDefault("Package", ""), fields.getOrDefault("Version", ""), depends, deb);
  }

  /** {@code Field: value} lines (continuation lines start with a space) as a map. */
  static Map<String, String> controlFields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    @Nullable String last = null;
    for (String line : text.lines().toList()) {
      if (line.startsWith(" ") && last != null) {
        fields.merge(last, " " + line.strip(), String::concat);
      } else if (line.contains(":")) {
        last = line.substring(0, line.indexOf(':')).strip();
        fields.put(last, line.substring(line.indexOf(':') + 1).strip());
      }
    }
    return fields;
  }

  /**
   * A {@code Depends} value as groups of alternatives, names only: {@code "libc6 (>= 2.34), a | b"}
   * is {@code [[libc6], [a, b]]}. Version constraints and architecture qualifiers are dropped.
   */
  static List<List<String>> parseDepends(String value) {
    if (value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(",", -1))
        .map(
            group ->
                Arrays.stream(group.split("\\|", -1))
                    .map(alt -> alt.replaceAll("\\(.*?\\)|\\[.*?\\]|<.*?>", "").strip())
                    .map(alt -> alt.replaceFirst(":.*$", ""))
                    .filter(alt -> !alt.isEmpty())
                    .toList())
        .filter(group -> !group.isEmpty())
        .toList();
  }

  /** Every dependency no listed package satisfies, as a message naming {@code listName}. */
  public static List<String> unmet(List<Package> packages, String listName) {
    Set<String> present = packages.stream().map(Package::name).collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (Package p : packages) {
      for (List<String> group : p.depends()) {
        if (group.stream().noneMatch(present::contains)) {
          problems.add(UNMET.formatted(p.name(), String.join(" | ", group), listName));
        }
      }
    }
    return problems;
  }

  /**
   * Unpacks every package into {@code rootfs}, then removes what a runtime never reads: manuals,
   * change logs and lintian overrides (copyright files stay).
   */
  public static void extract(List<Package> packages, Path rootfs) throws IOException {
    Files.createDirectories(rootfs);
    for (Package p : packages) {
      Commands.run(rootfs, List.of("dpkg-deb", "-x", p.deb().toString(), rootfs.toString()));
    }
    for (String dir : List.of("usr/share/man", "usr/share/lintian", "usr/share/info")) {
      Trees.delete(rootfs.resolve(dir));
    }
    Path doc = rootfs.resolve("usr/share/doc");
    if (Files.isDirectory(doc)) {
      try (Stream<Path> walk = Files.walk(doc)) {
        for (Path file : walk.filter(Files::isRegularFile).toList()) {
          if (!file.getFileName().toString().equals("copyright")) {
            Files.delete(file);
          }
        }
      }
    }
  }
}
