package dev.tapio.enrich;

import dev.tapio.enrich.internal.cgroup.CgroupResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where the host's files are, seen from Tapio: {@code /} when Tapio runs on the host, the mount
 * point of the host's root (or of its {@code /proc}, {@code /sys/fs/cgroup}, {@code /run} and
 * {@code /etc}, mounted at the same places beneath it) when it runs in a container, as the Helm
 * chart does with {@code /host}.
 *
 * <p>Under a prefix the cgroup v2 mount is the one the host's init process sees ({@code
 * PREFIX/proc/1/mountinfo}), resolved under the prefix: Tapio's own mount table names only the
 * container's cgroup namespace.
 *
 * @param path an absolute directory; {@code /} for the host itself
 */
public record HostRoot(Path path) {

  /** Tapio runs on the host: {@code /proc}, {@code /etc}, the runtime sockets where they are. */
  public static final HostRoot HOST = new HostRoot(Path.of("/"));

  public HostRoot {
    Objects.requireNonNull(path, "path");
    if (!path.isAbsolute()) {
      throw new IllegalArgumentException("the host root must be an absolute path, was " + path);
    }
    path = path.normalize();
  }

  /** The host root at {@code path}, or {@link #HOST} when null. */
  public static HostRoot of(@Nullable Path path) {
    return path == null ? HOST : new HostRoot(path);
  }

  public boolean isHost() {
    return path.getParent() == null;
  }

  /** The host's procfs. */
  public Path proc() {
    return resolve("/proc");
  }

  /** The directory holding the host's {@code passwd} and {@code group}. */
  public Path etc() {
    return resolve("/etc");
  }

  /** {@code hostPath} (absolute, as the host sees it) as Tapio reaches it. */
  public Path resolve(String hostPath) {
    return isHost() ? Path.of(hostPath) : Path.of(path + hostPath);
  }

  /** The prefix for host paths given as text: empty for the host itself. */
  public String prefix() {
    return isHost() ? "" : path.toString();
  }

  /**
   * The host's cgroup v2 mount as Tapio reaches it, or null when there is none: from Tapio's own
   * mount table on the host, from the host init's under a prefix.
   */
  public @Nullable Path cgroup2() {
    if (isHost()) {
      return CgroupResolver.findCgroup2Root(Path.of("/proc/self/mountinfo"));
    }
    Path mount = CgroupResolver.findCgroup2Root(proc().resolve("1/mountinfo"));
    return mount == null ? null : resolve(mount.toString());
  }

  /** {@code settings} with the well-known runtime sockets looked for under this root. */
  public CriSettings cri(CriSettings settings) {
    return new CriSettings(
        settings.socket(), prefix(), settings.callTimeout(), settings.maxContainers());
  }

  /**
   * Where each host fact is read, one line each: procfs, the cgroup v2 tree, the user and group
   * files, the container runtime socket of {@code cri}.
   */
  public List<String> describe(CriSettings cri) {
    Path cgroup2 = cgroup2();
    Path socket = cri.findSocket();
    return List.of(
        "procfs: " + proc(),
        "cgroup v2: "
            + (cgroup2 == null ? "none mounted" : cgroup2)
            + " (from "
            + (isHost() ? "/proc/self/mountinfo" : proc().resolve("1/mountinfo"))
            + ")",
        "users and groups: " + etc().resolve("passwd") + ", " + etc().resolve("group"),
        "container runtime socket: "
            + (socket != null
                ? socket + (cri.socket() != null ? " (configured)" : "")
                : "none found (tried "
                    + String.join(
                        ", ", cri.socketCandidates().stream().map(Path::toString).toList())
                    + ")"));
  }
}
