package dev.tapio.sensors.internal.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.sensors.internal.abi.Abi.LsmEvent;
import dev.tapio.sensors.internal.abi.Abi.LsmMarker;
import dev.tapio.sensors.internal.abi.Abi.LsmSyscall;
import dev.tapio.sensors.internal.abi.Abi.ObjectKind;
import dev.tapio.sensors.internal.abi.Abi.SeccompAction;
import dev.tapio.sensors.internal.abi.Abi.SeccompEvent;
import dev.tapio.sensors.internal.abi.Abi.SeccompSource;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/** Decodes {@code struct tapio_seccomp_event} and {@code struct tapio_lsm_event}. */
final class SecurityRecords {
  private static final int AF_UNIX = 1;
  private static final int AF_INET = 2;
  private static final int AF_INET6 = 10;

  private SecurityRecords() {}

  static SeccompViolation seccomp(EventDecoder decoder, MemorySegment r, SyscallTable syscalls) {
    int nr = EventDecoder.i32(r, SeccompEvent.SYSCALL_NR);
    long result = r.get(JAVA_LONG_UNALIGNED, SeccompEvent.RESULT);
    SeccompViolation.Action action =
        switch (SeccompAction.of(EventDecoder.u16(r, SeccompEvent.ACTION))) {
          // the SIGSYS path cannot tell KILL_THREAD (single-threaded) from KILL_PROCESS
          case KILL -> SeccompViolation.Action.KILL_PROCESS;
          case TRAP -> SeccompViolation.Action.TRAP;
          case ERRNO -> SeccompViolation.Action.ERRNO;
        };
    SeccompViolation.Source source =
        switch (SeccompSource.of(EventDecoder.u16(r, SeccompEvent.SOURCE))) {
          case SIGNAL -> SeccompViolation.Source.SIGNAL;
          case ERRNO -> SeccompViolation.Source.ERRNO;
        };
    return new SeccompViolation(
        decoder.header(r), nr, nr < 0 ? "" : syscalls.name(nr), action, (int) -result, source);
  }

  static LsmDenial lsm(EventDecoder decoder, MemorySegment r, ActiveLsms lsms) {
    var header = decoder.header(r);
    String lsm =
        switch (LsmMarker.of(EventDecoder.u16(r, LsmEvent.MARKER))) {
          case LANDLOCK -> "landlock";
          case NONE -> lsms.blame(header.pid());
        };
    int objectLen = EventDecoder.u16(r, LsmEvent.OBJECT_LEN);
    String path = null;
    SocketAddress address = null;
    switch (ObjectKind.of(EventDecoder.u16(r, LsmEvent.OBJECT_KIND))) {
      case PATH -> {
        String raw = decoder.string(r, LsmEvent.DATA, objectLen);
        String base =
            decoder.string(r, LsmEvent.DATA + objectLen, EventDecoder.u16(r, LsmEvent.BASE_LEN));
        path = Paths.lexical(base, raw);
      }
      case SOCKADDR -> address = sockaddr(r, LsmEvent.DATA, objectLen);
      case NONE -> {}
    }
    return new LsmDenial(
        header,
        lsm,
        LsmSyscall.of(EventDecoder.u16(r, LsmEvent.SYSCALL)).label(),
        path,
        address,
        r.get(JAVA_LONG_UNALIGNED, LsmEvent.ARG),
        (int) -r.get(JAVA_LONG_UNALIGNED, LsmEvent.RESULT),
        LsmDenial.Source.ERRNO);
  }

  /** A {@code struct sockaddr} as the task passed it (family in host order, port in network). */
  static @Nullable SocketAddress sockaddr(MemorySegment r, long at, int len) {
    long n = Math.min(len, Math.max(0, r.byteSize() - at));
    ByteBuffer b = ByteBuffer.wrap(r.asSlice(at, n).toArray(JAVA_BYTE));
    if (b.remaining() < 2) {
      return null;
    }
    int family = b.order(ByteOrder.nativeOrder()).getShort(0) & 0xffff;
    try {
      return switch (family) {
        case AF_INET ->
            b.remaining() < 8
                ? null
                : SocketAddress.inet(
                    InetAddress.getByAddress(slice(b, 4, 4)),
                    b.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff);
        case AF_INET6 ->
            b.remaining() < 24
                ? null
                : SocketAddress.inet(
                    InetAddress.getByAddress(slice(b, 8, 16)),
                    b.order(ByteOrder.BIG_ENDIAN).getShort(2) & 0xffff);
        case AF_UNIX -> SocketAddress.unix(unixPath(b));
        default -> null;
      };
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static byte[] slice(ByteBuffer b, int at, int len) {
    byte[] out = new byte[len];
    b.get(at, out);
    return out;
  }

  private static String unixPath(ByteBuffer b) {
    int end = 2;
    while (end < b.limit() && b.get(end) != 0) {
      end++;
    }
    // an abstract socket starts with a NUL: shown with a leading @ as ss(8) does
    if (end == 2 && b.limit() > 2) {
      return "@" + new String(slice(b, 3, b.limit() - 3), java.nio.charset.StandardCharsets.UTF_8);
    }
    return new String(slice(b, 2, end - 2), java.nio.charset.StandardCharsets.UTF_8);
  }
}
