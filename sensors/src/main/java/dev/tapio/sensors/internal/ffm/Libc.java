package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/** The few libc calls the sensors need, as {@code static final} method handles. */
final class Libc {
  private static final Optional<SymbolLookup> LIBC = Optional.of(Native.LINKER.defaultLookup());

  static final int PROT_READ = 1;
  static final int PROT_WRITE = 2;
  static final int MAP_SHARED = 1;
  static final int POLLIN = 1;
  static final int CLOCK_BOOTTIME = 7;
  static final int CLOCK_REALTIME = 0;

  private static final MethodHandle MMAP =
      Native.downcall(
          LIBC,
          "mmap",
          FunctionDescriptor.of(
              ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
          true);
  private static final MethodHandle MUNMAP =
      Native.downcall(LIBC, "munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), false);
  private static final MethodHandle POLL =
      Native.downcall(
          LIBC, "poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT), true);
  private static final MethodHandle CLOCK_GETTIME =
      Native.downcall(
          LIBC, "clock_gettime", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS), false);
  private static final MethodHandle MOUNT =
      Native.downcall(
          LIBC,
          "mount",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS),
          true);
  private static final MethodHandle OPEN =
      Native.downcall(
          LIBC, "open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), true, 2);
  private static final MethodHandle CLOSE =
      Native.downcall(LIBC, "close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), false);
  private static final MethodHandle SYSCALL_PERF_EVENT_OPEN =
      Native.downcall(
          LIBC,
          "syscall",
          FunctionDescriptor.of(
              JAVA_INT, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG),
          true,
          1);
  private static final MethodHandle IOCTL =
      Native.downcall(
          LIBC, "ioctl", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG), true, 2);
  private static final MethodHandle GETPAGESIZE =
      Native.downcall(LIBC, "getpagesize", FunctionDescriptor.of(JAVA_INT), false);
  static final MethodHandle VSNPRINTF =
      Native.downcall(
          LIBC,
          "vsnprintf",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS),
          false);

  private Libc() {}

  static MemorySegment mmap(
      MemorySegment capture, long length, int prot, int flags, int fd, long offset) {
    try {
      return (MemorySegment)
          MMAP.invokeExact(capture, MemorySegment.NULL, length, prot, flags, fd, offset);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int munmap(MemorySegment addr, long length) {
    try {
      return (int) MUNMAP.invokeExact(addr, length);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int poll(MemorySegment capture, MemorySegment fds, long count, int timeoutMillis) {
    try {
      return (int) POLL.invokeExact(capture, fds, count, timeoutMillis);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int clockGettime(int clock, MemorySegment timespec) {
    try {
      return (int) CLOCK_GETTIME.invokeExact(clock, timespec);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int mount(
      MemorySegment capture,
      MemorySegment source,
      MemorySegment target,
      MemorySegment type,
      long flags) {
    try {
      return (int) MOUNT.invokeExact(capture, source, target, type, flags, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int open(MemorySegment capture, MemorySegment path, int flags) {
    try {
      return (int) OPEN.invokeExact(capture, path, flags, 0);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int close(int fd) {
    try {
      return (int) CLOSE.invokeExact(fd);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** perf_event_open(2) on x86_64 (syscall 298). */
  static int perfEventOpen(
      MemorySegment capture, MemorySegment attr, int pid, int cpu, int groupFd, long flags) {
    try {
      return (int)
          SYSCALL_PERF_EVENT_OPEN.invokeExact(capture, 298L, attr, pid, cpu, groupFd, flags);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int ioctl(MemorySegment capture, int fd, long request, long arg) {
    try {
      return (int) IOCTL.invokeExact(capture, fd, request, arg);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int pageSize() {
    try {
      return (int) GETPAGESIZE.invokeExact();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int vsnprintf(MemorySegment buf, long size, MemorySegment fmt, MemorySegment args) {
    try {
      return (int) VSNPRINTF.invokeExact(buf, size, fmt, args);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
