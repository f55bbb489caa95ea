package dev.tapio.image.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.spi.ToolProvider;

/**
 * A Java runtime with only the modules tapio.jar uses: {@code jdeps} names them, {@code jlink}
 * links them from the JDK running the build. The result has no debug symbols, headers or manual
 * pages and no class-data archive (its contents would differ from build to build).
 */
public final class Jre {
  /**
   * Modules reached only by reflection or service loading, which {@code jdeps} cannot see: the
   * elliptic-curve TLS provider (OTLP over TLS), DNS lookups through JNDI, zip file systems.
   */
  static final List<String> ALWAYS = List.of("jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs");

  private Jre() {}

  /** The modules {@code jar} needs, sorted, with {@link #ALWAYS}. */
  public static List<String> modules(Path jar) throws IOException {
    String printed =
        tool(
            "jdeps",
            "--print-module-deps",
            "--ignore-missing-deps",
            "--multi-release",
            String.valueOf(Runtime.version().feature()),
            "-q",
            jar.toString());
    TreeSet<String> modules = new TreeSet<>(ALWAYS);
    String last = printed.strip().lines().reduce((a, b) -> b).orElse("");
    Arrays.stream(last.split(",", -1))
        .map(String::strip)
        .filter(m -> !m.isEmpty())
        .forEach(modules::add);
    modules.removeIf(m -> ModuleFinder.ofSystem().find(m).isEmpty());
    return List.copyOf(modules);
  }

  /**
   * Links {@code modules} into {@code output} (which must not exist yet). jlink runs as a program
   * of its own: in a JVM that has already spun method-handle classes, its generated {@code
   * java.lang.invoke} holder classes come out different, and the image would not be reproducible.
   */
  public static void link(List<String> modules, Path output) throws IOException {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    Commands.run(
        output.getFileSystem().getPath(System.getProperty("java.io.tmpdir")),
        List.of(
            jlink.toString(),
            "--add-modules",
            String.join(",", modules),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            output.toString()));
  }

  private static String tool(String name, String... args) throws IOException {
    ToolProvider tool =
        ToolProvider.findFirst(name)
            .orElseThrow(() -> new IOException(name + " not found: build with a full JDK 25"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = tool.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    if (exit != 0) {
      throw new IOException(name + " " + String.join(" ", args) + " failed: " + out + err);
    }
    return out.toString();
  }
}
