package dev.tapio.sensors.internal.decode;

import static dev.tapio.sensors.internal.decode.Records.*;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns ring-buffer records into engine events. Stateless apart from the boot-to-epoch clock
 * offset, so one instance serves every sensor on the polling thread.
 */
public final class EventDecoder {
  static final String TOO_SHORT = "record of %d bytes is shorter than its kind %d needs (%d)";
  static final String UNKNOWN_KIND = "unknown record kind %d";

  private final long bootToEpochNanos;

  /**
   * @param bootToEpochNanos added to kernel boot-time stamps to get epoch nanoseconds
   */
  public EventDecoder(long bootToEpochNanos) {
    this.bootToEpochNanos = bootToEpochNanos;
  }

  /** The record's kind ({@code enum tapio_event_kind}). */
  public static int kind(MemorySegment record) {
    return Short.toUnsignedInt(record.get(JAVA_SHORT_UNALIGNED, HDR_KIND));
  }

  /**
   * Decodes one record.
   *
   * @throws IllegalArgumentException when the record is malformed (the caller counts it)
   */
  public Event decode(MemorySegment record) {
    if (record.byteSize() < HDR_SIZE) {
      throw new IllegalArgumentException(TOO_SHORT.formatted(record.byteSize(), 0, HDR_SIZE));
    }
    int kind = kind(record);
    return switch (kind) {
      case KIND_EXEC -> exec(need(record, kind, EXEC_DATA));
      case KIND_FORK -> fork(need(record, kind, FORK_SIZE));
      case KIND_EXIT -> exit(need(record, kind, EXIT_SIZE));
      case KIND_OPEN -> open(need(record, kind, OPEN_DATA));
      case KIND_CHANGE -> FileChanges.decode(this, need(record, kind, CHG_DATA));
      default -> throw new IllegalArgumentException(UNKNOWN_KIND.formatted(kind));
    };
  }

  private static MemorySegment need(MemorySegment r, int kind, long size) {
    if (r.byteSize() < size) {
      throw new IllegalArgumentException(TOO_SHORT.formatted(r.byteSize(), kind, size));
    }
    return r;
  }

  EventHeader header(MemorySegment r) {
    Namespaces ns =
        new Namespaces(
            u32(r, HDR_NS + NS_MNT),
            u32(r, HDR_NS + NS_PID),
            u32(r, HDR_NS + NS_NET),
            u32(r, HDR_NS + NS_UTS),
            u32(r, HDR_NS + NS_IPC),
            u32(r, HDR_NS + NS_USER),
            u32(r, HDR_NS + NS_CGROUP));
    return new EventHeader(
        r.get(JAVA_LONG_UNALIGNED, HDR_BOOT_NS) + bootToEpochNanos,
        i32(r, HDR_PID),
        i32(r, HDR_TID),
        r.get(JAVA_LONG_UNALIGNED, HDR_CGROUP_ID),
        ns);
  }

  private ProcessExec exec(MemorySegment r) {
    Cursor data = new Cursor(r, EXEC_DATA);
    String filename = data.string(u16(r, EXEC_FILENAME_LEN));
    List<String> argv = splitArgs(data.bytes(u16(r, EXEC_ARGV_LEN)));
    String exe = data.string(u16(r, EXEC_EXE_LEN));
    String cwd = data.string(u16(r, EXEC_CWD_LEN));
    Credentials creds =
        new Credentials(
            i32(r, EXEC_UID),
            i32(r, EXEC_GID),
            i32(r, EXEC_EUID),
            i32(r, EXEC_EGID),
            i32(r, EXEC_LOGINUID),
            r.get(JAVA_LONG_UNALIGNED, EXEC_CAP_EFFECTIVE),
            r.get(JAVA_LONG_UNALIGNED, EXEC_CAP_PERMITTED),
            r.get(JAVA_LONG_UNALIGNED, EXEC_CAP_INHERITABLE));
    return new ProcessExec(
        header(r),
        (i32(r, EXEC_FLAGS) & EXEC_FLAG_EXECVEAT) != 0 ? "execveat" : "execve",
        filename,
        exe,
        argv,
        cwd,
        cString(r, EXEC_COMM, COMM_LEN),
        i32(r, EXEC_PPID),
        i32(r, EXEC_SID),
        i32(r, EXEC_PGID),
        i32(r, EXEC_TTY),
        creds,
        exe.startsWith("/memfd:"),
        (i32(r, EXEC_FLAGS) & EXEC_FLAG_UPPER_LAYER) != 0);
  }

  private ProcessFork fork(MemorySegment r) {
    String type =
        switch (i32(r, FORK_SYSCALL)) {
          case 2 -> "clone3";
          case 3 -> "fork";
          case 4 -> "vfork";
          default -> "clone";
        };
    return new ProcessFork(
        header(r),
        type,
        i32(r, FORK_CHILD_PID),
        i32(r, FORK_CHILD_TID),
        r.get(JAVA_LONG_UNALIGNED, FORK_CLONE_FLAGS),
        cString(r, FORK_COMM, COMM_LEN));
  }

  private ProcessExit exit(MemorySegment r) {
    int code = i32(r, EXIT_CODE);
    return new ProcessExit(header(r), code, code & 0x7f, i32(r, EXIT_GROUP_DEAD) != 0);
  }

  private FileOpen open(MemorySegment r) {
    String type =
        switch (u16(r, OPEN_SYSCALL)) {
          case 1 -> "open";
          case 3 -> "openat2";
          case 4 -> "creat";
          default -> "openat";
        };
    Cursor data = new Cursor(r, OPEN_DATA);
    String raw = data.string(u16(r, OPEN_RAW_LEN));
    String resolved = data.string(u16(r, OPEN_PATH_LEN));
    String path =
        switch (u16(r, OPEN_PATH_KIND)) {
          case 1 -> resolved.isEmpty() ? Paths.lexical("", raw) : resolved;
          case 2 -> Paths.lexical(resolved, raw);
          default -> Paths.lexical("", raw);
        };
    return new FileOpen(
        header(r),
        type,
        path,
        raw,
        i32(r, OPEN_FLAGS),
        i32(r, OPEN_MODE),
        r.get(JAVA_LONG_UNALIGNED, OPEN_RESULT));
  }

  static String string(MemorySegment r, long at, int len) {
    long n = Math.min(len, Math.max(0, r.byteSize() - at));
    return new String(r.asSlice(at, n).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
  }

  private static List<String> splitArgs(byte[] bytes) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == 0) {
        if (i > start || i < bytes.length) {
          out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return out;
  }

  static int i32(MemorySegment r, long off) {
    return r.get(JAVA_INT_UNALIGNED, off);
  }

  private static long u32(MemorySegment r, long off) {
    return Integer.toUnsignedLong(r.get(JAVA_INT_UNALIGNED, off));
  }

  static int u16(MemorySegment r, long off) {
    return Short.toUnsignedInt(r.get(JAVA_SHORT_UNALIGNED, off));
  }

  private static String cString(MemorySegment r, long off, int max) {
    int len = 0;
    while (len < max && r.get(JAVA_BYTE, off + len) != 0) {
      len++;
    }
    return new String(r.asSlice(off, len).toArray(JAVA_BYTE), StandardCharsets.UTF_8);
  }

  /** Reads the variable-length pieces that follow a record's fixed part, in order. */
  private static final class Cursor {
    private final MemorySegment r;
    private long at;

    Cursor(MemorySegment r, long start) {
      this.r = r;
      this.at = start;
    }

    byte[] bytes(int len) {
      long n = Math.min(len, Math.max(0, r.byteSize() - at));
      byte[] out = r.asSlice(at, n).toArray(JAVA_BYTE);
      at += n;
      return out;
    }

    String string(int len) {
      return new String(bytes(len), StandardCharsets.UTF_8);
    }
  }
}
