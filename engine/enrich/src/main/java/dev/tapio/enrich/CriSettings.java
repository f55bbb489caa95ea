package dev.tapio.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to reach the container runtime over CRI.
 *
 * @param socket the runtime's socket, or null to try {@link #WELL_KNOWN_SOCKETS} in order
 * @param rootPrefix prefix for the well-known socket paths (the host's root mounted in Tapio's
 *     container, e.g. {@code /host}); empty on the host
 * @param callTimeout deadline of one CRI call
 * @param maxContainers how many containers the cache keeps
 */
public record CriSettings(
    @Nullable Path socket, String rootPrefix, Duration callTimeout, int maxContainers) {

  /** containerd, CRI-O, cri-dockerd, in the order they are tried. */
  public static final List<Path> WELL_KNOWN_SOCKETS =
      List.of(
          Path.of("/run/containerd/containerd.sock"),
          Path.of("/run/crio/crio.sock"),
          Path.of("/var/run/crio/crio.sock"),
          Path.of("/run/cri-dockerd.sock"),
          Path.of("/var/run/cri-dockerd.sock"));

  /** Auto-detected socket, 2-second calls, 4,096 containers. */
  public static final CriSettings DEFAULT = new CriSettings(null, "", Duration.ofSeconds(2), 4096);

  public CriSettings {
    Objects.requireNonNull(rootPrefix, "rootPrefix");
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("callTimeout must be positive, was " + callTimeout);
    }
    if (maxContainers < 1) {
      throw new IllegalArgumentException("maxContainers must be positive, was " + maxContainers);
    }
  }

  /** These settings with a fixed socket instead of auto-detection. */
  public CriSettings withSocket(Path socket) {
    return new CriSettings(socket, rootPrefix, callTimeout, maxContainers);
  }

  /** The configured socket, else the first well-known one that exists; null when none does. */
  public @Nullable Path findSocket() {
    if (socket != null) {
      return socket;
    }
    return socketCandidates().stream().filter(Files::exists).findFirst().orElse(null);
  }

  /** The well-known sockets under {@link #rootPrefix()}, in the order they are tried. */
  public List<Path> socketCandidates() {
    return WELL_KNOWN_SOCKETS.stream().map(p -> Path.of(rootPrefix + p)).toList();
  }

  public CriSettings withCallTimeout(Duration timeout) {
    return new CriSettings(socket, rootPrefix, timeout, maxContainers);
  }
}
