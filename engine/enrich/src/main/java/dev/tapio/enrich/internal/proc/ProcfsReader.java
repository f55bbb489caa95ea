package dev.tapio.enrich.internal.proc;

import dev.tapio.api.context.ProcessInfo;
import dev.tapio.api.event.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads what already runs from a procfs mount ({@code /proc}, or the host's procfs mounted
 * elsewhere when Tapio runs in a container). Every read tolerates a process that ends while it is
 * read.
 */
public final class ProcfsReader {
  private static final long CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on every Linux architecture
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Path root;
  private final long bootTimeNanos;

  public ProcfsReader(Path root) {
    this.root = root;
    this.bootTimeNanos = readBootTimeNanos(root);
  }

  public Path root() {
    return root;
  }

  /** The pids of every process (thread-group leaders only), in directory order. */
  public List<Integer> pids() {
    List<Integer> pids = new ArrayList<>();
    try (Stream<Path> entries = Files.list(root)) {
      entries.forEach(
          entry -> {
            String name = entry.getFileName().toString();
            if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
              pids.add(Integer.parseInt(name));
            }
          });
    } catch (IOException | RuntimeException e) {
      return pids;
    }
    return pids;
  }

  /**
   * The process with thread-group id {@code pid} (a thread id resolves to its thread group), or
   * null when it does not exist (any more).
   */
  public @Nullable ProcessInfo read(int pid) {
    Path dir = root.resolve(Integer.toString(pid));
    String status = readString(dir.resolve("status"));
    String stat = readString(dir.resolve("stat"));
    if (status == null || stat == null) {
      return null;
    }
    int tgid = statusInt(status, "Tgid:", 0, pid);
    if (tgid != pid && tgid > 0) {
      return read(tgid);
    }
    int close = stat.lastIndexOf(')');
    int open = stat.indexOf('(');
    if (open < 0 || close < open) {
      return null;
    }
    String comm = stat.substring(open + 1, close);
    String[] fields = stat.substring(close + 2).trim().split(" ", -1);
    // fields[0] = state (field 3 of proc_pid_stat(5)), so field N is fields[N - 3]
    int ppid = parseInt(fields, 1);
    int pgid = parseInt(fields, 2);
    int sid = parseInt(fields, 3);
    int tty = parseInt(fields, 4);
    long startTicks = fields.length > 19 ? parseLong(fields[19]) : 0;

    List<String> argv = readCmdline(dir.resolve("cmdline"));
    String exePath = readLink(dir.resolve("exe"));
    String cwd = readLink(dir.resolve("cwd"));
    String name = readComm(dir.resolve("comm"), comm);
    String exe = argv.isEmpty() ? comm : argv.getFirst();
    List<String> args = argv.isEmpty() ? List.of() : argv.subList(1, argv.size());

    Credentials credentials =
        new Credentials(
            statusInt(status, "Uid:", 0, 0),
            statusInt(status, "Gid:", 0, 0),
            statusInt(status, "Uid:", 1, 0),
            statusInt(status, "Gid:", 1, 0),
            readLoginUid(dir.resolve("loginuid")),
            statusHex(status, "CapEff:"),
            statusHex(status, "CapPrm:"),
            statusHex(status, "CapInh:"));
    int vpid = statusLastInt(status, "NSpid:", pid);
    long start = bootTimeNanos + startTicks * (NANOS_PER_SECOND / CLOCK_TICKS_PER_SECOND);
    return new ProcessInfo(
        pid,
        vpid,
        ppid,
        name,
        exe,
        exePath,
        args,
        cwd,
        sid,
        pgid,
        tty,
        credentials,
        start,
        exePath.startsWith("/memfd:"),
        false);
  }

  /**
   * The process's cgroup path: with {@code unified}, the cgroup v2 one ({@code 0::/path}); else the
   * first cgroup v1 hierarchy's path that is not the root (a host without cgroup v2). Null when the
   * process ended or has no such line.
   */
  public @Nullable String cgroupPath(int pid, boolean unified) {
    String content = readString(root.resolve(Integer.toString(pid)).resolve("cgroup"));
    if (content == null) {
      return null;
    }
    String legacyRoot = null;
    for (String line : content.split("\n", -1)) {
      int first = line.indexOf(':');
      int second = first < 0 ? -1 : line.indexOf(':', first + 1);
      if (second < 0) {
        continue;
      }
      String path = line.substring(second + 1);
      boolean v2 = line.startsWith("0::");
      if (unified && v2) {
        return path;
      } else if (!unified && !v2) {
        if (!path.equals("/")) {
          return path;
        }
        legacyRoot = path;
      }
    }
    return legacyRoot;
  }

  private static long readBootTimeNanos(Path root) {
    String stat = readString(root.resolve("stat"));
    if (stat != null) {
      for (String line : stat.split("\n", -1)) {
        if (line.startsWith("btime ")) {
          return parseLong(line.substring(6).trim()) * NANOS_PER_SECOND;
        }
      }
    }
    return 0;
  }

  private static List<String> readCmdline(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      List<String> argv = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == 0) {
          argv.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      if (start < bytes.length) {
        argv.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
      }
      return argv;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  /**
   * {@code /proc/PID/comm}, the task's command name ({@code proc.name}), without its newline; the
   * name in {@code stat} when the file cannot be read. Both hold the same kernel string.
   */
  private static String readComm(Path file, String fromStat) {
    String comm = readString(file);
    if (comm == null) {
      return fromStat;
    }
    return comm.endsWith("\n") ? comm.substring(0, comm.length() - 1) : comm;
  }

  private static int readLoginUid(Path file) {
    String value = readString(file);
    if (value == null) {
      return Credentials.NO_LOGIN_UID;
    }
    long parsed = parseLong(value.trim());
    return parsed == 4294967295L ? Credentials.NO_LOGIN_UID : (int) parsed;
  }

  private static String readLink(Path link) {
    try {
      String target = Files.readSymbolicLink(link).toString();
      return target.endsWith(" (deleted)")
          ? target.substring(0, target.length() - " (deleted)".length())
          : target;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static @Nullable String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable String statusValue(String status, String key) {
    int at = status.startsWith(key) ? 0 : status.indexOf("\n" + key);
    if (at < 0) {
      return null;
    }
    int begin = at == 0 ? key.length() : at + 1 + key.length();
    int end = status.indexOf('\n', begin);
    return status.substring(begin, end < 0 ? status.length() : end).trim();
  }

  private static int statusInt(String status, String key, int index, int fallback) {
    String value = statusValue(status, key);
    if (value == null) {
      return fallback;
    }
    String[] parts = value.split("\\s+", -1);
    return index < parts.length ? (int) parseLong(parts[index]) : fallback;
  }

  private static int statusLastInt(String status, String key, int fallback) {
    String value = statusValue(status, key);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    String[] parts = value.split("\\s+", -1);
    return (int) parseLong(parts[parts.length - 1]);
  }

  private static long statusHex(String status, String key) {
    String value = statusValue(status, key);
    try {
      return value == null ? 0 : Long.parseUnsignedLong(value, 16);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static int parseInt(String[] fields, int index) {
    return index < fields.length ? (int) parseLong(fields[index]) : 0;
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
