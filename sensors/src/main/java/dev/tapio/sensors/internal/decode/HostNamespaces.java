package dev.tapio.sensors.internal.decode;

import dev.tapio.api.event.Namespaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine's own namespaces, from {@code /proc/self/ns}: what "the host" means when a task's
 * namespaces change. The engine runs in the host's namespaces (a DaemonSet with {@code hostPID} and
 * {@code hostNetwork}); PID 1 is not asked, since it may be a VM agent or unreadable.
 */
public final class HostNamespaces {
  private HostNamespaces() {}

  /** Reads {@code dir} (normally {@code /proc/self/ns}); a namespace it cannot read is 0. */
  public static Namespaces read(Path dir) {
    long[] v = new long[Namespaces.NAMES.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = inode(dir.resolve(Namespaces.NAMES.get(i)));
    }
    return new Namespaces(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
  }

  public static Namespaces ofThisProcess() {
    return read(Path.of("/proc/self/ns"));
  }

  /** The inode of a link such as {@code mnt -> 'mnt:[4026531841]'}, or 0. */
  static long inode(Path link) {
    try {
      String target = Files.readSymbolicLink(link).toString();
      int open = target.indexOf('[');
      int close = target.indexOf(']');
      return open < 0 || close < open ? 0 : Long.parseLong(target.substring(open + 1, close));
    } catch (IOException | NumberFormatException | UnsupportedOperationException e) {
      return 0;
    }
  }
}
