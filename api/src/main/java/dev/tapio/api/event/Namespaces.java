package dev.tapio.api.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Namespace inode numbers of a task, as {@code /proc/PID/ns/*} shows them. Inode numbers are reused
 * quickly once a namespace dies: compare them only with events close in time. 0 means not read.
 */
public record Namespaces(long mnt, long pid, long net, long uts, long ipc, long user, long cgroup) {

  /** Namespaces that were not read (all zero). */
  public static final Namespaces UNKNOWN = new Namespaces(0, 0, 0, 0, 0, 0, 0);

  /** The names of the namespaces, in the order of the components. */
  public static final List<String> NAMES =
      List.of("mnt", "pid", "net", "uts", "ipc", "user", "cgroup");

  /** Whether any namespace differs from {@code other}'s. */
  public boolean differsFrom(Namespaces other) {
    return !equals(other);
  }

  /** The inode of the namespace named {@code name} (one of {@link #NAMES}). */
  public long get(String name) {
    return switch (name) {
      case "mnt" -> mnt;
      case "pid" -> pid;
      case "net" -> net;
      case "uts" -> uts;
      case "ipc" -> ipc;
      case "user" -> user;
      case "cgroup" -> cgroup;
      default -> throw new IllegalArgumentException("no namespace " + name);
    };
  }

  /** Names of the namespaces both sides know (non-zero) and share, in {@link #NAMES} order. */
  public List<String> sameAs(Namespaces other) {
    List<String> out = new ArrayList<>();
    for (String n : NAMES) {
      if (get(n) != 0 && get(n) == other.get(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Names of the namespaces that differ from {@code other}'s, in {@link #NAMES} order. */
  public List<String> changedFrom(Namespaces other) {
    List<String> out = new ArrayList<>();
    for (String n : NAMES) {
      if (get(n) != other.get(n)) {
        out.add(n);
      }
    }
    return out;
  }
}
