package dev.tapio.image;

import dev.tapio.image.internal.DebianPackages;
import dev.tapio.image.internal.DebianPackages.Package;
import dev.tapio.image.internal.Jre;
import dev.tapio.image.internal.Layer;
import dev.tapio.image.internal.OciLayout;
import dev.tapio.image.internal.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds Tapio's image without a container daemon or registry, as a list of steps: the native base
 * from Debian packages, a jlinked JRE, tapio.jar with a minimal file system skeleton, three layers,
 * one OCI layout archive. Equal inputs (tapio.jar, the packages, the JDK, {@code
 * SOURCE_DATE_EPOCH}) give an equal manifest digest.
 *
 * @param jar tapio.jar (its BPF objects and bundled rules are inside)
 * @param chart the Helm chart, whose defaults name the image
 * @param packageList the Debian package list ({@code images/debian-packages.txt})
 * @param jvmOptions the launcher's JVM options ({@code engine/app/src/main/jvm/tapio.jvmopts})
 * @param work a scratch directory, emptied first
 * @param archive where the OCI layout tar goes
 * @param labels labels besides those the build computes (title, description, source, licenses)
 * @param created the time on the config and every file ({@code SOURCE_DATE_EPOCH}, else 0)
 */
public record ImageBuild(
    Path jar,
    Path chart,
    Path packageList,
    Path jvmOptions,
    Path work,
    Path archive,
    Map<String, String> labels,
    Instant created) {

  /** The engine's start command: the linked JRE running tapio.jar. */
  public static final List<String> ENTRYPOINT =
      List.of(
          "/opt/java/bin/java",
          "--enable-native-access=ALL-UNNAMED",
          "-jar",
          "/opt/tapio/tapio.jar");

  /**
   * The environment variable that carries the JVM's options. The launcher prepends it to the
   * command line, so the options hold for {@code docker run} as for the chart, and a deployment
   * that sets the variable replaces the image's options instead of adding to them.
   */
  public static final String JVM_OPTIONS_VARIABLE = "JDK_JAVA_OPTIONS";

  /**
   * User 0: Kubernetes hands added capabilities only to processes running as root (no ambient
   * capabilities in the CRI), and {@code allowPrivilegeEscalation: false} forbids file
   * capabilities. Root here holds only the capabilities the pod adds.
   */
  public static final String USER = "0:0";

  public ImageBuild {
    labels = Map.copyOf(labels);
  }

  /** Runs every step; the written image's name, manifest digest and archive. */
  public OciLayout.Written build() throws IOException {
    requireTools();
    Trees.delete(work);
    Path layers = Files.createDirectories(work.resolve("layers"));
    String name = ChartReference.defaultImage(chart);
    List<Package> packages = nativeBase(layers.resolve("base"));
    List<String> modules = jre(layers.resolve("jre"));
    application(layers.resolve("app"));
    List<Layer> built =
        List.of(
            layer("base", "debian packages: " + pinned(packages)),
            layer("jre", "jlink --add-modules " + String.join(",", modules)),
            layer("app", "tapio.jar and the file system skeleton"));
    ImageSpec spec =
        new ImageSpec(
            name,
            ImageSpec.hostArchitecture(),
            ENTRYPOINT,
            List.of("run"),
            List.of(
                "PATH=/opt/java/bin:/usr/bin:/bin",
                "JAVA_HOME=/opt/java",
                "LANG=C.UTF-8",
                JVM_OPTIONS_VARIABLE + "=" + String.join(" ", jvmOptions(jvmOptions))),
            USER,
            labels(name, packages, modules),
            created);
    return OciLayout.write(spec, built, work.resolve("oci"), archive);
  }

  /**
   * The options of {@code tapio run}'s launcher file in a container: every option but native access
   * (the entrypoint passes that one, so a deployment that replaces the options cannot lose it), and
   * the JVM exits on running out of memory, so the container restarts instead of limping on.
   */
  public static List<String> jvmOptions(Path launcherFile) throws IOException {
    List<String> options = new ArrayList<>();
    for (String line : Files.readAllLines(launcherFile)) {
      String option = line.replaceFirst("#.*", "").strip();
      if (!option.isEmpty() && !option.startsWith("--enable-native-access")) {
        options.add(option);
      }
    }
    options.add("-XX:+ExitOnOutOfMemoryError");
    return options;
  }

  /** The tree under {@code layers/NAME} as a layer. */
  private Layer layer(String name, String createdBy) throws IOException {
    return Layer.of(
        work.resolve("layers").resolve(name), created, work.resolve("blobs"), createdBy);
  }

  static final String MISSING_TOOL =
      "the image build needs %s (a Debian or Ubuntu build machine: apt-get, dpkg-deb, GNU tar);"
          + " elsewhere skip it with -Dtapio.image.skip=true -DskipITs";

  /** apt-get, dpkg-deb and GNU tar, found on the PATH, or a message saying what is missing. */
  private static void requireTools() throws IOException {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String tool : List.of("apt-get", "dpkg-deb", "tar")) {
      boolean found =
          Arrays.stream(path.split(":", -1))
              .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
      if (!found) {
        throw new IOException(MISSING_TOOL.formatted(tool));
      }
    }
  }

  /** libbpf, the C library and their dependencies, unpacked from their Debian packages. */
  private List<Package> nativeBase(Path tree) throws IOException {
    List<Package> packages =
        DebianPackages.download(DebianPackages.names(packageList), work.resolve("debs"));
    List<String> unmet = DebianPackages.unmet(packages, packageList.getFileName().toString());
    if (!unmet.isEmpty()) {
      throw new IOException(String.join("\n", unmet));
    }
    DebianPackages.extract(packages, tree);
    return packages;
  }

  /** A JRE with the modules tapio.jar uses, at /opt/java. */
  private List<String> jre(Path tree) throws IOException {
    List<String> modules = Jre.modules(jar);
    Jre.link(modules, Files.createDirectories(tree.resolve("opt")).resolve("java"));
    return modules;
  }

  /** tapio.jar, users and groups for the JVM, and the directories the chart mounts over. */
  private void application(Path tree) throws IOException {
    Files.copy(jar, Files.createDirectories(tree.resolve("opt/tapio")).resolve("tapio.jar"));
    Path etc = Files.createDirectories(tree.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/usr/sbin/nologin\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\nnogroup:x:65534:\n");
    for (String dir :
        List.of(
            "etc/tapio/rules.d",
            "var/lib/tapio/spool",
            "var/lib/tapio/rules-cache",
            "tmp",
            "root",
            "host",
            "proc",
            "sys",
            "dev")) {
      Files.createDirectories(tree.resolve(dir));
    }
  }

  private SequencedMap<String, String> labels(
      String name, List<Package> packages, List<String> modules) {
    SequencedMap<String, String> all = new LinkedHashMap<>();
    all.put("org.opencontainers.image.title", "tapio");
    all.putAll(new TreeMap<>(labels));
    all.put("org.opencontainers.image.version", name.substring(name.lastIndexOf(':') + 1));
    all.put("org.opencontainers.image.created", created.toString());
    all.put("dev.tapio.image.debian-packages", pinned(packages));
    all.put("dev.tapio.image.jre", Runtime.version() + " " + String.join(",", modules));
    return all;
  }

  private static String pinned(List<Package> packages) {
    return packages.stream().map(Package::pinned).collect(Collectors.joining(" "));
  }

  /** {@code SOURCE_DATE_EPOCH} from the environment (reproducible-builds.org), else 0. */
  public static Instant sourceDateEpoch() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    return Instant.ofEpochSecond(
        epoch == null || epoch.isBlank() ? 0 : Long.parseLong(epoch.strip()));
  }

  /**
   * {@code --jar F --chart D --packages F --jvm-options F --work D --output F [--label k=v]...}:
   * builds the image and prints its name, digest and archive.
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    List<String> rest = new ArrayList<>(List.of(args));
    for (int i = 0; i + 1 < rest.size(); i += 2) {
      String key = rest.get(i);
      String value = rest.get(i + 1);
      if (key.equals("--label")) {
        labels.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
      } else {
        options.put(key, value);
      }
    }
    ImageBuild build =
        new ImageBuild(
            path(options, "--jar"),
            path(options, "--chart"),
            path(options, "--packages"),
            path(options, "--jvm-options"),
            path(options, "--work"),
            path(options, "--output"),
            labels,
            sourceDateEpoch());
    OciLayout.Written image = build.build();
    System.out.printf(
        "image %s %s: %s (%d MiB)%n",
        image.name(), image.manifestDigest(), image.archive(), Files.size(image.archive()) >> 20);
  }

  private static Path path(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return Path.of(value);
  }
}
