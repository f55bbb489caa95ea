package dev.tapio.app.pipeline;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.FileChange;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.NetworkEvent;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of event the pipeline may sample when it falls behind, in the order sampling engages:
 * the highest-volume kinds first. Every other event is never sampled: process lifecycle (exec,
 * fork, exit), namespace and credential changes, seccomp and LSM denials, connect, accept, bind,
 * listen, socket dup, and every other syscall (ptrace, bpf, module loads, setuid, ...); the process
 * tree and most security rules depend on each one of them.
 */
public enum SampledKind {
  /** Opens: by far the most frequent record on a busy node. */
  FILE_OPEN,
  /** Renames, unlinks, mkdir, rmdir, chmod, symlink, link. */
  FILE_CHANGE,
  /** The first datagram of a UDP conversation (sendto, sendmsg, recvfrom, recvmsg). */
  DATAGRAM,
  /** The end of a TCP connection, which carries its traffic counts. */
  SOCKET_CLOSE;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The metric label and loss-report field suffix: {@code file_open}. */
  public String label() {
    return label;
  }

  /** The kind {@code event} is sampled as, or null when it is never sampled. */
  public static @Nullable SampledKind of(Event event) {
    return switch (event) {
      case FileOpen o -> FILE_OPEN;
      case FileChange c -> FILE_CHANGE;
      case NetworkEvent n -> ofNetwork(n.type());
      default -> null;
    };
  }

  private static @Nullable SampledKind ofNetwork(String type) {
    return switch (type) {
      case "sendto", "sendmsg", "recvfrom", "recvmsg" -> DATAGRAM;
      case "close" -> SOCKET_CLOSE;
      default -> null;
    };
  }
}
