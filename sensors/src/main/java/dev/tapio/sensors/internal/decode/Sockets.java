package dev.tapio.sensors.internal.decode;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.TcpTraffic;
import dev.tapio.sensors.internal.abi.Abi.DropEvent;
import dev.tapio.sensors.internal.abi.Abi.FdInfo;
import dev.tapio.sensors.internal.abi.Abi.FdKind;
import dev.tapio.sensors.internal.abi.Abi.SockAddrs;
import dev.tapio.sensors.internal.abi.Abi.SockEvent;
import dev.tapio.sensors.internal.abi.Abi.SockSyscall;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Socket records ({@code struct tapio_sock_event}) and the descriptors of a new program ({@code
 * struct tapio_fd_info}), both built on {@code struct tapio_sock_addrs}.
 */
final class Sockets {
  private Sockets() {}

  static final int AF_UNIX = 1;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;

  /** The event type of a dropped packet. */
  static final String DROP = "drop";

  static NetworkEvent decode(EventDecoder d, MemorySegment r) {
    SockSyscall syscall = SockSyscall.of(EventDecoder.i32(r, SockEvent.SYSCALL));
    long a = SockEvent.ADDRS;
    int family = EventDecoder.u16(r, a + SockAddrs.FAMILY);
    return new NetworkEvent(
        d.header(r),
        syscall.label(),
        family,
        EventDecoder.u16(r, a + SockAddrs.PROTOCOL),
        EventDecoder.i32(r, SockEvent.FD),
        end(r, a, family, true),
        end(r, a, family, false),
        r.get(JAVA_LONG_UNALIGNED, SockEvent.RESULT),
        Integer.toUnsignedLong(EventDecoder.i32(r, a + SockAddrs.NETNS)),
        EventDecoder.i32(r, SockEvent.NEWFD),
        r.get(JAVA_LONG_UNALIGNED, SockEvent.DURATION_NS),
        syscall == SockSyscall.CLOSE ? traffic(r) : null);
  }

  /**
   * A dropped packet ({@code struct tapio_drop_event}): a {@code drop} event with the packet's ends
   * as the record oriented them, and its reason named by the running kernel's enum.
   */
  static NetworkEvent drop(EventDecoder d, MemorySegment r, DropReasons reasons) {
    long a = DropEvent.ADDRS;
    int family = EventDecoder.u16(r, a + SockAddrs.FAMILY);
    int code = EventDecoder.i32(r, DropEvent.REASON);
    return new NetworkEvent(
        d.header(r),
        DROP,
        family,
        EventDecoder.u16(r, a + SockAddrs.PROTOCOL),
        -1,
        end(r, a, family, true),
        end(r, a, family, false),
        0,
        Integer.toUnsignedLong(EventDecoder.i32(r, a + SockAddrs.NETNS)),
        -1,
        0,
        null,
        new PacketDrop(reasons.name(code), code, EventDecoder.i32(r, DropEvent.OUTBOUND) != 0));
  }

  /** What a closed connection carried, from the close record's {@code struct tcp_sock} counters. */
  private static TcpTraffic traffic(MemorySegment r) {
    return new TcpTraffic(
        EventDecoder.i32(r, SockEvent.OUTBOUND) != 0,
        r.get(JAVA_LONG_UNALIGNED, SockEvent.BYTES_OUT),
        r.get(JAVA_LONG_UNALIGNED, SockEvent.BYTES_IN),
        Integer.toUnsignedLong(EventDecoder.i32(r, SockEvent.PACKETS_OUT)),
        Integer.toUnsignedLong(EventDecoder.i32(r, SockEvent.PACKETS_IN)),
        Integer.toUnsignedLong(EventDecoder.i32(r, SockEvent.RETRANSMITS)));
  }

  /** Descriptors 0, 1 and 2 of an exec record, from {@code stdio[3]} at {@code at}. */
  static List<OpenFd> stdio(MemorySegment r, long at) {
    List<OpenFd> out = new ArrayList<>(3);
    for (int i = 0; i < 3; i++) {
      out.add(fd(r, at + (long) i * FdInfo.SIZEOF));
    }
    return out;
  }

  private static OpenFd fd(MemorySegment r, long at) {
    long a = at + FdInfo.SOCK;
    int family = EventDecoder.u16(r, a + SockAddrs.FAMILY);
    String type =
        switch (FdKind.of(EventDecoder.i32(r, at + FdInfo.KIND))) {
          case NONE -> "";
          case FILE -> "file";
          case DIRECTORY -> "directory";
          case PIPE -> "pipe";
          case OTHER -> "other";
          case SOCKET ->
              switch (family) {
                case AF_INET -> "ipv4";
                case AF_INET6 -> "ipv6";
                case AF_UNIX -> "unix";
                default -> "other";
              };
        };
    if (!type.equals("ipv4") && !type.equals("ipv6")) {
      return type.isEmpty() ? OpenFd.CLOSED : new OpenFd(type, 0, null, null);
    }
    return new OpenFd(
        type,
        EventDecoder.u16(r, a + SockAddrs.PROTOCOL),
        end(r, a, family, true),
        end(r, a, family, false));
  }

  /** One end of {@code struct tapio_sock_addrs} at {@code a}; null for a non-IP socket. */
  private static @Nullable SocketAddress end(MemorySegment r, long a, int family, boolean local) {
    int len =
        switch (family) {
          case AF_INET -> 4;
          case AF_INET6 -> 16;
          default -> 0;
        };
    if (len == 0) {
      return null;
    }
    byte[] bytes =
        r.asSlice(a + (local ? SockAddrs.LOCAL : SockAddrs.REMOTE), len).toArray(JAVA_BYTE);
    int port = EventDecoder.u16(r, a + (local ? SockAddrs.LOCAL_PORT : SockAddrs.REMOTE_PORT));
    try {
      return SocketAddress.inet(InetAddress.getByAddress(bytes), port);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address of " + len + " bytes", e);
    }
  }
}
