package dev.tapio.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Linux capabilities {@code tapio run} needs, checked before anything starts. Without one of
 * them a sensor or enrichment would run crippled and say so only in a status line; a deployment
 * that forgot a capability (or a runtime that silently ignored one) should fail at once, naming
 * what is missing. The Helm chart grants exactly this list; the image tests check the two agree.
 */
public final class RequiredCapabilities {

  /**
   * One capability: its name without the {@code CAP_} prefix (as Kubernetes and the Helm chart
   * spell it), its bit in {@code CapEff}, and what needs it.
   */
  public record Capability(String name, int bit, String neededBy) {
    /** The name as the kernel and {@code capsh} spell it. */
    public String kernelName() {
      return "CAP_" + name;
    }
  }

  private static final int CAP_SYS_ADMIN = 21;

  /** In the order the chart lists them. */
  public static final List<Capability> ALL =
      List.of(
          new Capability(
              "BPF",
              39,
              "every sensor, to load BPF programs and create their maps and ring buffers"),
          new Capability(
              "PERFMON",
              38,
              "every sensor, to attach tracepoint programs and read kernel memory from them"),
          new Capability(
              "NET_ADMIN", 12, "the feature probe and network sensor, for cgroup_skb programs"),
          new Capability(
              "SYS_PTRACE",
              19,
              "enrichment, to read /proc/PID/exe, cwd and environ of other users' processes"),
          new Capability(
              "DAC_READ_SEARCH",
              2,
              "enrichment, to walk the cgroup tree and /proc entries that deny others"));

  static final String MISSING = "missing capability %s: needed by %s";
  static final String HOW_TO_GRANT =
      "run as root, or grant %s (the Helm chart adds exactly these; a systemd unit lists them in"
          + " AmbientCapabilities)";

  private static final Path STATUS = Path.of("/proc/self/status");

  private RequiredCapabilities() {}

  /** The required capabilities missing from {@code effective} (a {@code CapEff} bit set). */
  public static List<Capability> missing(long effective) {
    boolean sysAdmin = has(effective, CAP_SYS_ADMIN);
    return ALL.stream()
        .filter(c -> !has(effective, c.bit()))
        // before Linux 5.8 (no CAP_BPF or CAP_PERFMON) CAP_SYS_ADMIN stands for both
        .filter(c -> !(sysAdmin && (c.name().equals("BPF") || c.name().equals("PERFMON"))))
        .toList();
  }

  /**
   * The problems to report for {@code effective}: one line per missing capability, then how to
   * grant them; empty when nothing is missing.
   */
  public static List<String> problems(long effective) {
    List<Capability> missing = missing(effective);
    if (missing.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    missing.forEach(c -> lines.add(MISSING.formatted(c.kernelName(), c.neededBy())));
    lines.add(
        HOW_TO_GRANT.formatted(
            ALL.stream().map(Capability::kernelName).collect(Collectors.joining(", "))));
    return lines;
  }

  /** The {@code CapEff:} line of a {@code /proc/PID/status} text, as bits. */
  static long effective(String status) {
    for (String line : status.lines().toList()) {
      if (line.startsWith("CapEff:")) {
        return Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
      }
    }
    throw new IllegalArgumentException("no CapEff line in the process status");
  }

  /** Start-up step: fails, naming every missing capability, when this process lacks one. */
  static AutoCloseable check() throws IOException {
    List<String> problems = problems(effective(Files.readString(STATUS)));
    if (!problems.isEmpty()) {
      throw new MissingCapabilitiesException(String.join("; ", problems));
    }
    return () -> {};
  }

  /** This process lacks a capability {@code tapio run} needs. */
  public static final class MissingCapabilitiesException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    MissingCapabilitiesException(String message) {
      super(message);
    }
  }

  private static boolean has(long effective, int bit) {
    return (effective & (1L << bit)) != 0;
  }
}
