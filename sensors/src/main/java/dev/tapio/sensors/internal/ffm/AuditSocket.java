package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A read-only listener on the kernel's audit multicast group (NETLINK_AUDIT, group
 * AUDIT_NLGRP_READLOG): every audit record the kernel emits, as text, without becoming the audit
 * daemon and without changing the audit configuration. Needs CAP_AUDIT_READ; records reach the
 * group whether or not auditing is enabled for the ones the kernel always logs (seccomp kill and
 * log actions, filters with SECCOMP_FILTER_FLAG_LOG, AppArmor denials).
 *
 * <p>Owns a confined-to-one-thread receive buffer in its own {@link Arena}; {@link #receive} waits
 * at most the timeout given at open, so the reading thread can notice it should stop.
 */
public final class AuditSocket implements AutoCloseable {
  private static final int AF_NETLINK = 16;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int NETLINK_AUDIT = 9;
  private static final int AUDIT_NLGRP_READLOG = 1;
  private static final int SOL_SOCKET = 1;
  private static final int SO_RCVTIMEO = 20;
  private static final int NLMSG_HDRLEN = 16;
  private static final int BUFFER = 64 * 1024;

  private static final Optional<SymbolLookup> LIBC = Optional.of(Native.LINKER.defaultLookup());
  private static final MethodHandle SOCKET =
      Native.downcall(
          LIBC, "socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), true);
  private static final MethodHandle BIND =
      Native.downcall(
          LIBC, "bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT), true);
  private static final MethodHandle SETSOCKOPT =
      Native.downcall(
          LIBC,
          "setsockopt",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
          true);
  private static final MethodHandle RECV =
      Native.downcall(
          LIBC,
          "recv",
          FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT),
          true);

  private final Arena arena = Arena.ofShared();
  private final MemorySegment buffer = arena.allocate(BUFFER);
  private final MemorySegment capture = Native.captureSegment(arena);
  private final int fd;

  private AuditSocket(int fd) {
    this.fd = fd;
  }

  /** Opens and joins the read-log group; {@code timeoutMillis} bounds each {@link #receive}. */
  public static AuditSocket open(int timeoutMillis) throws BpfException {
    try (Arena a = Arena.ofConfined()) {
      MemorySegment cap = Native.captureSegment(a);
      int fd = socket(cap);
      if (fd < 0) {
        throw new BpfException("socket(NETLINK_AUDIT)", Native.errno(cap));
      }
      // struct sockaddr_nl { u16 family; u16 pad; u32 pid; u32 groups; }
      MemorySegment addr = a.allocate(12);
      addr.set(JAVA_SHORT, 0, (short) AF_NETLINK);
      addr.set(JAVA_INT, 8, 1 << (AUDIT_NLGRP_READLOG - 1));
      MemorySegment tv = a.allocate(16);
      tv.set(JAVA_LONG, 0, timeoutMillis / 1000);
      tv.set(JAVA_LONG, 8, (timeoutMillis % 1000) * 1000L);
      if (bind(cap, fd, addr) < 0 || setTimeout(cap, fd, tv) < 0) {
        int errno = Native.errno(cap);
        Libc.close(fd);
        throw new BpfException("bind(NETLINK_AUDIT, AUDIT_NLGRP_READLOG)", errno);
      }
      return new AuditSocket(fd);
    }
  }

  /**
   * Waits for one datagram and hands each netlink message in it to {@code record} as (audit record
   * type, text). Returns false when the wait timed out or was interrupted.
   */
  public boolean receive(BiConsumer<Integer, String> record) throws BpfException {
    long n;
    try {
      n = (long) RECV.invokeExact(capture, fd, buffer, (long) BUFFER, 0);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
    if (n < 0) {
      int errno = Native.errno(capture);
      if (errno == Errno.EAGAIN || errno == Errno.EINTR) {
        return false;
      }
      throw new BpfException("recv(NETLINK_AUDIT)", errno);
    }
    long at = 0;
    while (at + NLMSG_HDRLEN <= n) {
      int len = buffer.get(JAVA_INT_UNALIGNED, at);
      int type = Short.toUnsignedInt(buffer.get(JAVA_SHORT, at + 4));
      if (len < NLMSG_HDRLEN || at + len > n) {
        break;
      }
      byte[] text = buffer.asSlice(at + NLMSG_HDRLEN, len - NLMSG_HDRLEN).toArray(JAVA_BYTE);
      int end = text.length;
      while (end > 0 && (text[end - 1] == 0 || text[end - 1] == '\n')) {
        end--;
      }
      record.accept(type, new String(text, 0, end, StandardCharsets.UTF_8));
      at += (len + 3) & ~3;
    }
    return true;
  }

  private static int socket(MemorySegment capture) {
    try {
      return (int) SOCKET.invokeExact(capture, AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  private static int bind(MemorySegment capture, int fd, MemorySegment addr) {
    try {
      return (int) BIND.invokeExact(capture, fd, addr, (int) addr.byteSize());
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  private static int setTimeout(MemorySegment capture, int fd, MemorySegment timeval) {
    try {
      return (int)
          SETSOCKOPT.invokeExact(
              capture, fd, SOL_SOCKET, SO_RCVTIMEO, timeval, (int) timeval.byteSize());
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  @Override
  public void close() {
    Libc.close(fd);
    arena.close();
  }
}
