package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.OpenFd;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.api.event.TcpTraffic;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.FdInfo;
import dev.tapio.sensors.internal.abi.Abi.FdKind;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.SockAddrs;
import dev.tapio.sensors.internal.abi.Abi.SockEvent;
import dev.tapio.sensors.internal.abi.Abi.SockSyscall;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Socket records and standard streams, built at the offsets of the generated ABI. */
class SocketsTest {
  private final EventDecoder decoder = new EventDecoder(0);

  private static void addrs(
      ByteBuffer b, int at, int family, String local, int lport, String remote, int rport)
      throws Exception {
    b.put(at + SockAddrs.LOCAL, InetAddress.getByName(local).getAddress());
    b.put(at + SockAddrs.REMOTE, InetAddress.getByName(remote).getAddress());
    b.putShort(at + SockAddrs.FAMILY, (short) family);
    b.putShort(at + SockAddrs.PROTOCOL, (short) 6);
    b.putShort(at + SockAddrs.LOCAL_PORT, (short) lport);
    b.putShort(at + SockAddrs.REMOTE_PORT, (short) rport);
    b.putInt(at + SockAddrs.NETNS, (int) 4026532999L);
  }

  @Test
  void aDupOfAnIpv6SocketOntoStdin() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(SockEvent.SIZEOF).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(Header.KIND, (short) EventKind.SOCKET.value());
    b.putInt(Header.PID, 7);
    b.putLong(SockEvent.RESULT, 0);
    b.putInt(SockEvent.FD, 3);
    b.putInt(SockEvent.NEWFD, 0);
    b.putInt(SockEvent.SYSCALL, SockSyscall.DUP2.value());
    addrs(b, SockEvent.ADDRS, 10, "::1", 40000, "::1", 4444);

    NetworkEvent n = (NetworkEvent) decoder.decode(MemorySegment.ofBuffer(b));

    assertThat(n.type()).isEqualTo("dup2");
    assertThat(n.family()).isEqualTo(10);
    assertThat(n.fd()).isEqualTo(3);
    assertThat(n.newFd()).isZero();
    assertThat(n.local()).isEqualTo(SocketAddress.inet(InetAddress.getByName("::1"), 40000));
    assertThat(n.remote()).isEqualTo(SocketAddress.inet(InetAddress.getByName("::1"), 4444));
    assertThat(n.netns()).isEqualTo(4026532999L);
  }

  @Test
  void aCloseCarriesItsDurationTrafficAndPortsAboveSignedShort() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(SockEvent.SIZEOF).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(Header.KIND, (short) EventKind.SOCKET.value());
    b.putInt(SockEvent.SYSCALL, SockSyscall.CLOSE.value());
    b.putLong(SockEvent.DURATION_NS, 1_500_000L);
    b.putInt(SockEvent.OUTBOUND, 1);
    b.putLong(SockEvent.BYTES_OUT, 5_000_000_000L);
    b.putLong(SockEvent.BYTES_IN, 517);
    b.putInt(SockEvent.PACKETS_OUT, (int) 3_000_000_000L);
    b.putInt(SockEvent.PACKETS_IN, 9);
    b.putInt(SockEvent.RETRANSMITS, 2);
    addrs(b, SockEvent.ADDRS, 2, "10.0.0.2", 51000, "10.0.0.1", 443);

    NetworkEvent n = (NetworkEvent) decoder.decode(MemorySegment.ofBuffer(b));

    assertThat(n.type()).isEqualTo("close");
    assertThat(n.durationNanos()).isEqualTo(1_500_000L);
    assertThat(n.traffic())
        .isEqualTo(new TcpTraffic(true, 5_000_000_000L, 517, 3_000_000_000L, 9, 2));
    assertThat(n.local().port()).isEqualTo(51000);
    assertThat(n.remote().address()).isEqualTo(InetAddress.getByName("10.0.0.1"));
  }

  @Test
  void standardStreamsSayWhatTheyAre() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(3 * FdInfo.SIZEOF).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(FdInfo.KIND, FdKind.SOCKET.value());
    addrs(b, FdInfo.SOCK, 2, "127.0.0.1", 40000, "127.0.0.1", 4444);
    b.putInt(FdInfo.SIZEOF + FdInfo.KIND, FdKind.PIPE.value());

    List<OpenFd> fds = Sockets.stdio(MemorySegment.ofBuffer(b), 0);

    assertThat(fds.get(0).type()).isEqualTo("ipv4");
    assertThat(fds.get(0).remote().port()).isEqualTo(4444);
    assertThat(fds.get(1)).isEqualTo(new OpenFd("pipe", 0, null, null));
    assertThat(fds.get(2)).isEqualTo(OpenFd.CLOSED);
  }
}
