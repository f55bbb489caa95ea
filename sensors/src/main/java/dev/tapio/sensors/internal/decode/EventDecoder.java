package dev.tapio.sensors.internal.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.tapio.api.event.CgroupCreated;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessExit;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.ExecEvent;
import dev.tapio.sensors.internal.abi.Abi.ExecFlags;
import dev.tapio.sensors.internal.abi.Abi.ExitEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkSyscall;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.OpenEvent;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.abi.Abi.PathKind;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns ring-buffer records into engine events. One instance serves every sensor on the polling
 * thread, and only that thread: it keeps a scratch buffer that strings are copied through, and the
 * last namespaces it decoded (records of one process share them), so decoding allocates little more
 * than the event itself.
 *
 * <p>Offsets and enum values come from {@link Abi}, generated from the compiled BPF code; the
 * switches over its enums have no default, so a record kind or syscall added to {@code
 * bpf/include/events.h} does not compile until it is decoded here (or in {@link FileChanges}).
 */
public final class EventDecoder {
  static final String TOO_SHORT = "record of %d bytes is shorter than its kind %d needs (%d)";
  static final String UNKNOWN_KIND = "unknown record kind %d";

  private final long bootToEpochNanos;
  private final Namespaces host;
  private @Nullable DropReasons dropReasons;
  private byte[] scratch = new byte[4096];
  private Namespaces lastNamespaces = Namespaces.UNKNOWN;
  private byte[] lastEnvBlock = new byte[0];
  private List<String> lastEnv = List.of();

  /**
   * @param bootToEpochNanos added to kernel boot-time stamps to get epoch nanoseconds
   * @param host the engine's own namespaces, what namespace changes are compared with
   */
  public EventDecoder(long bootToEpochNanos, Namespaces host) {
    this.bootToEpochNanos = bootToEpochNanos;
    this.host = host;
  }

  /**
   * @param dropReasons the names of the kernel's drop reasons (the running kernel's by default)
   */
  public EventDecoder(long bootToEpochNanos, Namespaces host, DropReasons dropReasons) {
    this(bootToEpochNanos, host);
    this.dropReasons = dropReasons;
  }

  /** The running kernel's drop reasons, read when the first drop is decoded. */
  private DropReasons dropReasons() {
    DropReasons r = dropReasons;
    if (r == null) {
      r = DropReasons.host();
      dropReasons = r;
    }
    return r;
  }

  /** A decoder whose host namespaces are this process's own. */
  public EventDecoder(long bootToEpochNanos) {
    this(bootToEpochNanos, HostNamespaces.ofThisProcess());
  }

  /** The record's kind ({@code enum tapio_event_kind}). */
  public static int kind(MemorySegment record) {
    return Short.toUnsignedInt(record.get(JAVA_SHORT_UNALIGNED, Header.KIND));
  }

  /**
   * Decodes one record.
   *
   * @throws IllegalArgumentException when the record is malformed (the caller counts it)
   */
  public Event decode(MemorySegment record) {
    if (record.byteSize() < Header.SIZEOF) {
      throw new IllegalArgumentException(TOO_SHORT.formatted(record.byteSize(), 0, Header.SIZEOF));
    }
    int kind = kind(record);
    return switch (eventKind(kind)) {
      case EXEC -> exec(need(record, kind, ExecEvent.SIZEOF));
      case FORK -> fork(need(record, kind, ForkEvent.SIZEOF));
      case EXIT -> exit(need(record, kind, ExitEvent.SIZEOF));
      case OPEN -> open(need(record, kind, OpenEvent.SIZEOF));
      case CHANGE -> FileChanges.decode(this, need(record, kind, Abi.ChangeEvent.SIZEOF));
      case PRIV -> PrivilegeRecords.decode(this, host, need(record, kind, Abi.PrivEvent.SIZEOF));
      case SECCOMP ->
          SecurityRecords.seccomp(
              this, need(record, kind, Abi.SeccompEvent.SIZEOF), SyscallTable.built());
      case LSM ->
          SecurityRecords.lsm(this, need(record, kind, Abi.LsmEvent.SIZEOF), ActiveLsms.host());
      case SOCKET -> Sockets.decode(this, need(record, kind, Abi.SockEvent.SIZEOF));
      case DROP -> Sockets.drop(this, need(record, kind, Abi.DropEvent.SIZEOF), dropReasons());
      case CGROUP -> cgroup(need(record, kind, Abi.CgroupEvent.SIZEOF));
    };
  }

  private static EventKind eventKind(int kind) {
    try {
      return EventKind.of(kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(UNKNOWN_KIND.formatted(kind), e);
    }
  }

  private static MemorySegment need(MemorySegment r, int kind, long size) {
    if (r.byteSize() < size) {
      throw new IllegalArgumentException(TOO_SHORT.formatted(r.byteSize(), kind, size));
    }
    return r;
  }

  EventHeader header(MemorySegment r) {
    return new EventHeader(
        r.get(JAVA_LONG_UNALIGNED, Header.BOOT_NS) + bootToEpochNanos,
        i32(r, Header.PID),
        i32(r, Header.TID),
        r.get(JAVA_LONG_UNALIGNED, Header.CGROUP_ID),
        namespaces(r, Header.NS),
        Short.toUnsignedInt(r.get(JAVA_SHORT_UNALIGNED, Header.EXEC_ID)));
  }

  /**
   * The {@code struct tapio_namespaces} at {@code ns}: the same instance as the last one decoded
   * when they are equal, so a stream of records from one process allocates no namespace sets.
   */
  Namespaces namespaces(MemorySegment r, long ns) {
    long mnt = u32(r, ns + Abi.Namespaces.MNT);
    long pid = u32(r, ns + Abi.Namespaces.PID);
    long net = u32(r, ns + Abi.Namespaces.NET);
    long uts = u32(r, ns + Abi.Namespaces.UTS);
    long ipc = u32(r, ns + Abi.Namespaces.IPC);
    long user = u32(r, ns + Abi.Namespaces.USER);
    long cgroup = u32(r, ns + Abi.Namespaces.CGROUP);
    Namespaces last = lastNamespaces;
    if (last.mnt() == mnt
        && last.pid() == pid
        && last.net() == net
        && last.uts() == uts
        && last.ipc() == ipc
        && last.user() == user
        && last.cgroup() == cgroup) {
      return last;
    }
    Namespaces now = new Namespaces(mnt, pid, net, uts, ipc, user, cgroup);
    lastNamespaces = now;
    return now;
  }

  private ProcessExec exec(MemorySegment r) {
    long at = ExecEvent.DATA;
    int filenameLen = u16(r, ExecEvent.FILENAME_LEN);
    String filename = string(r, at, filenameLen);
    at += filenameLen;
    int argvLen = u16(r, ExecEvent.ARGV_LEN);
    List<String> argv = splitArgs(bytes(r, at, argvLen));
    at += argvLen;
    int exeLen = u16(r, ExecEvent.EXE_LEN);
    String exe = string(r, at, exeLen);
    int cwdLen = u16(r, ExecEvent.CWD_LEN);
    String cwd = string(r, at + exeLen, cwdLen);
    List<String> env = env(bytes(r, at + exeLen + cwdLen, u16(r, ExecEvent.ENV_LEN)));
    Credentials creds =
        new Credentials(
            i32(r, ExecEvent.UID),
            i32(r, ExecEvent.GID),
            i32(r, ExecEvent.EUID),
            i32(r, ExecEvent.EGID),
            i32(r, ExecEvent.LOGINUID),
            r.get(JAVA_LONG_UNALIGNED, ExecEvent.CAP_EFFECTIVE),
            r.get(JAVA_LONG_UNALIGNED, ExecEvent.CAP_PERMITTED),
            r.get(JAVA_LONG_UNALIGNED, ExecEvent.CAP_INHERITABLE));
    int flags = i32(r, ExecEvent.FLAGS);
    return new ProcessExec(
        header(r),
        (flags & ExecFlags.EXECVEAT.value()) != 0 ? "execveat" : "execve",
        filename,
        exe,
        argv,
        cwd,
        cString(r, ExecEvent.COMM, ExecEvent.COMM_SIZE),
        i32(r, ExecEvent.PPID),
        i32(r, ExecEvent.SID),
        i32(r, ExecEvent.PGID),
        i32(r, ExecEvent.TTY),
        creds,
        exe.startsWith("/memfd:"),
        (flags & ExecFlags.UPPER_LAYER.value()) != 0,
        Sockets.stdio(r, ExecEvent.STDIO),
        env);
  }

  /**
   * The environment block as its {@code NAME=value} strings: the same list as the last exec's when
   * the block is the same, so the many processes that inherit one environment share one copy in the
   * process table.
   */
  private List<String> env(byte[] block) {
    if (java.util.Arrays.equals(block, lastEnvBlock)) {
      return lastEnv;
    }
    List<String> env = List.copyOf(splitArgs(block));
    lastEnvBlock = block;
    lastEnv = env;
    return env;
  }

  private ProcessFork fork(MemorySegment r) {
    // Without the sys_enter hooks the kernel cannot tell; clone is what every fork ends in.
    ForkSyscall syscall = ForkSyscall.of(i32(r, ForkEvent.SYSCALL));
    String type = syscall == ForkSyscall.UNKNOWN ? ForkSyscall.CLONE.label() : syscall.label();
    return new ProcessFork(
        header(r),
        type,
        i32(r, ForkEvent.CHILD_PID),
        i32(r, ForkEvent.CHILD_TID),
        r.get(JAVA_LONG_UNALIGNED, ForkEvent.CLONE_FLAGS),
        cString(r, ForkEvent.COMM, ForkEvent.COMM_SIZE));
  }

  private ProcessExit exit(MemorySegment r) {
    int code = i32(r, ExitEvent.EXIT_CODE);
    return new ProcessExit(header(r), code, code & 0x7f, i32(r, ExitEvent.GROUP_DEAD) != 0);
  }

  private CgroupCreated cgroup(MemorySegment r) {
    return new CgroupCreated(
        header(r),
        r.get(JAVA_LONG_UNALIGNED, Abi.CgroupEvent.ID),
        string(r, Abi.CgroupEvent.DATA, u16(r, Abi.CgroupEvent.PATH_LEN)));
  }

  private FileOpen open(MemorySegment r) {
    String type = OpenSyscall.of(u16(r, OpenEvent.SYSCALL)).label();
    int rawLen = u16(r, OpenEvent.RAW_LEN);
    String raw = string(r, OpenEvent.DATA, rawLen);
    String resolved = string(r, OpenEvent.DATA + rawLen, u16(r, OpenEvent.PATH_LEN));
    String path =
        switch (PathKind.of(u16(r, OpenEvent.PATH_KIND))) {
          case FILE -> resolved.isEmpty() ? Paths.lexical("", raw) : resolved;
          case BASE -> Paths.lexical(resolved, raw);
          case NONE -> Paths.lexical("", raw);
        };
    return new FileOpen(
        header(r),
        type,
        path,
        raw,
        i32(r, OpenEvent.FLAGS),
        i32(r, OpenEvent.MODE),
        r.get(JAVA_LONG_UNALIGNED, OpenEvent.RESULT));
  }

  /** The UTF-8 string of {@code len} bytes at {@code at}, cut at the record's end. */
  String string(MemorySegment r, long at, int len) {
    int n = (int) Math.min(len, Math.max(0, r.byteSize() - at));
    if (n == 0) {
      return "";
    }
    if (n > scratch.length) {
      scratch = new byte[Math.max(n, 2 * scratch.length)];
    }
    MemorySegment.copy(r, JAVA_BYTE, at, scratch, 0, n);
    return new String(scratch, 0, n, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(MemorySegment r, long at, int len) {
    long n = Math.min(len, Math.max(0, r.byteSize() - at));
    return r.asSlice(at, n).toArray(JAVA_BYTE);
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

  /**
   * The NUL-terminated string in the {@code max} bytes at {@code off}: one bulk copy into the
   * scratch buffer, then a scan there (a memory segment's per-byte reads are slow in C1's code).
   */
  private String cString(MemorySegment r, long off, int max) {
    int n = (int) Math.min(max, Math.max(0, r.byteSize() - off));
    if (n > scratch.length) {
      scratch = new byte[Math.max(n, 2 * scratch.length)];
    }
    MemorySegment.copy(r, JAVA_BYTE, off, scratch, 0, n);
    int len = 0;
    while (len < n && scratch[len] != 0) {
      len++;
    }
    return new String(scratch, 0, len, StandardCharsets.UTF_8);
  }
}
