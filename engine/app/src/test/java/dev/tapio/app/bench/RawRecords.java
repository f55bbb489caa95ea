package dev.tapio.app.bench;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.ExecEvent;
import dev.tapio.sensors.internal.abi.Abi.ExitEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkEvent;
import dev.tapio.sensors.internal.abi.Abi.ForkSyscall;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.OpenEvent;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.abi.Abi.PathKind;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;

/**
 * Ring-buffer records as the BPF programs write them, laid out with the offsets generated from
 * {@code bpf/include/events.h}, in native memory like the ring reader's. Every record of one cgroup
 * and one set of namespaces; the boot-time stamp is set per use ({@link #stamp}).
 */
final class RawRecords {
  static final long CGROUP = 4242;
  private static final int NS = (int) 4026531836L;

  private RawRecords() {}

  static void stamp(MemorySegment record, long bootNanos) {
    record.set(JAVA_LONG_UNALIGNED, Header.BOOT_NS, bootNanos);
  }

  /** An openat by {@code pid}: absolute {@code raw} (base null), or relative to {@code base}. */
  static MemorySegment open(int pid, String raw, String base) {
    byte[] r = raw.getBytes(StandardCharsets.UTF_8);
    byte[] b = base.getBytes(StandardCharsets.UTF_8);
    MemorySegment s = header(EventKind.OPEN, OpenEvent.SIZEOF + r.length + b.length, pid);
    s.set(JAVA_LONG_UNALIGNED, OpenEvent.RESULT, 3);
    s.set(JAVA_INT_UNALIGNED, OpenEvent.DFD, -100);
    s.set(JAVA_SHORT_UNALIGNED, OpenEvent.SYSCALL, (short) OpenSyscall.OPENAT.value());
    PathKind kind = b.length == 0 ? PathKind.NONE : PathKind.BASE;
    s.set(JAVA_SHORT_UNALIGNED, OpenEvent.PATH_KIND, (short) kind.value());
    s.set(JAVA_SHORT_UNALIGNED, OpenEvent.RAW_LEN, (short) r.length);
    s.set(JAVA_SHORT_UNALIGNED, OpenEvent.PATH_LEN, (short) b.length);
    MemorySegment.copy(MemorySegment.ofArray(r), 0, s, OpenEvent.DATA, r.length);
    MemorySegment.copy(MemorySegment.ofArray(b), 0, s, OpenEvent.DATA + r.length, b.length);
    return s;
  }

  /** {@code pid} (child of {@code ppid}) runs {@code path} with {@code argv}, in {@code cwd}. */
  static MemorySegment exec(int pid, int ppid, String path, String argv, String cwd) {
    byte[][] pieces = {bytes(path), bytes(argv), bytes(path), bytes(cwd)};
    int size = ExecEvent.SIZEOF;
    for (byte[] p : pieces) {
      size += p.length;
    }
    MemorySegment s = header(EventKind.EXEC, size, pid);
    s.set(JAVA_INT_UNALIGNED, ExecEvent.PPID, ppid);
    s.set(JAVA_INT_UNALIGNED, ExecEvent.UID, 1000);
    s.set(JAVA_INT_UNALIGNED, ExecEvent.EUID, 1000);
    s.set(JAVA_INT_UNALIGNED, ExecEvent.LOGINUID, 1000);
    String comm = path.substring(path.lastIndexOf('/') + 1);
    MemorySegment.copy(MemorySegment.ofArray(bytes(comm)), 0, s, ExecEvent.COMM, comm.length());
    int[] lens = {ExecEvent.FILENAME_LEN, ExecEvent.ARGV_LEN, ExecEvent.EXE_LEN, ExecEvent.CWD_LEN};
    long at = ExecEvent.DATA;
    for (int i = 0; i < pieces.length; i++) {
      s.set(JAVA_SHORT_UNALIGNED, lens[i], (short) pieces[i].length);
      MemorySegment.copy(MemorySegment.ofArray(pieces[i]), 0, s, at, pieces[i].length);
      at += pieces[i].length;
    }
    return s;
  }

  static MemorySegment fork(int parent, int child) {
    MemorySegment s = header(EventKind.FORK, ForkEvent.SIZEOF, parent);
    s.set(JAVA_INT_UNALIGNED, ForkEvent.CHILD_PID, child);
    s.set(JAVA_INT_UNALIGNED, ForkEvent.CHILD_TID, child);
    s.set(JAVA_LONG_UNALIGNED, ForkEvent.CLONE_FLAGS, 0x1200011L); // what fork(2) passes
    s.set(JAVA_INT_UNALIGNED, ForkEvent.SYSCALL, ForkSyscall.CLONE.value());
    MemorySegment.copy(MemorySegment.ofArray(bytes("make")), 0, s, ForkEvent.COMM, 4);
    return s;
  }

  static MemorySegment exit(int pid) {
    MemorySegment s = header(EventKind.EXIT, ExitEvent.SIZEOF, pid);
    s.set(JAVA_INT_UNALIGNED, ExitEvent.GROUP_DEAD, 1);
    return s;
  }

  private static MemorySegment header(EventKind kind, int size, int pid) {
    MemorySegment s = Arena.global().allocate(size, 8);
    s.set(JAVA_SHORT_UNALIGNED, Header.KIND, (short) kind.value());
    s.set(JAVA_INT_UNALIGNED, Header.SIZE, size);
    s.set(JAVA_INT_UNALIGNED, Header.PID, pid);
    s.set(JAVA_INT_UNALIGNED, Header.TID, pid);
    s.set(JAVA_LONG_UNALIGNED, Header.CGROUP_ID, CGROUP);
    long ns = Header.NS;
    for (long f : new long[] {Abi.Namespaces.MNT, Abi.Namespaces.PID, Abi.Namespaces.NET}) {
      s.set(JAVA_INT_UNALIGNED, ns + f, NS);
    }
    return s;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
