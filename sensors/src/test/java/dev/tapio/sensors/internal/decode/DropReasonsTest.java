package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.PacketDrop;
import dev.tapio.api.event.SocketAddress;
import dev.tapio.sensors.internal.abi.Abi.DropEvent;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.SockAddrs;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drop reasons named from an enum as a kernel's BTF gives it, and drop records decoded. */
class DropReasonsTest {
  /**
   * The start and end of 6.18's enum skb_drop_reason, with values made up to show none is fixed.
   */
  private static Map<String, Long> kernelEnum() {
    Map<String, Long> e = new LinkedHashMap<>();
    e.put("SKB_NOT_DROPPED_YET", 0L);
    e.put("SKB_CONSUMED", 1L);
    e.put("SKB_DROP_REASON_NOT_SPECIFIED", 2L);
    e.put("SKB_DROP_REASON_NO_SOCKET", 7L);
    e.put("SKB_DROP_REASON_NETFILTER_DROP", 9L);
    e.put("SKB_DROP_REASON_TCP_INVALID_SEQUENCE", 40L);
    e.put("SKB_DROP_REASON_MAX", 41L);
    e.put("SKB_DROP_REASON_SUBSYS_MASK", 0xffff0000L);
    return e;
  }

  @Test
  void namesComeFromTheEnumWithoutTheirPrefix() {
    DropReasons r = DropReasons.of(kernelEnum());

    assertThat(r.name(7)).isEqualTo("NO_SOCKET");
    assertThat(r.name(9)).isEqualTo("NETFILTER_DROP");
    assertThat(r.name(40)).isEqualTo("TCP_INVALID_SEQUENCE");
    assertThat(r.name(2)).isEqualTo("NOT_SPECIFIED");
    assertThat(r.name(41)).isEqualTo(PacketDrop.UNKNOWN);
    assertThat(r.name(1)).isEqualTo(PacketDrop.UNKNOWN);
    assertThat(r.names()).containsOnlyKeys(2, 7, 9, 40);
  }

  @Test
  void theKernelReportsEveryReasonButNotSpecified() {
    assertThat(DropReasons.of(kernelEnum()).wanted()).containsExactly(7, 9, 40);
  }

  @Test
  void aKernelWithoutReasonsReportsEveryDropAsUnknown() {
    assertThat(DropReasons.NONE.wanted()).containsExactly(0);
    assertThat(DropReasons.NONE.name(0)).isEqualTo("unknown");
  }

  @Test
  void aDroppedInboundIpv6Datagram() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(DropEvent.SIZEOF).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(Header.KIND, (short) EventKind.DROP.value());
    int a = DropEvent.ADDRS;
    b.put(a + SockAddrs.LOCAL, InetAddress.getByName("fd00::1").getAddress());
    b.put(a + SockAddrs.REMOTE, InetAddress.getByName("fd00::2").getAddress());
    b.putShort(a + SockAddrs.FAMILY, (short) 10);
    b.putShort(a + SockAddrs.PROTOCOL, (short) 17);
    b.putShort(a + SockAddrs.LOCAL_PORT, (short) 9);
    b.putShort(a + SockAddrs.REMOTE_PORT, (short) 40000);
    b.putInt(a + SockAddrs.NETNS, (int) 4026533001L);
    b.putInt(DropEvent.REASON, 7);
    EventDecoder decoder = new EventDecoder(0, Namespaces.UNKNOWN, DropReasons.of(kernelEnum()));

    NetworkEvent n = (NetworkEvent) decoder.decode(MemorySegment.ofBuffer(b));

    assertThat(n.type()).isEqualTo("drop");
    assertThat(n.family()).isEqualTo(10);
    assertThat(n.protocol()).isEqualTo(17);
    assertThat(n.local()).isEqualTo(SocketAddress.inet(InetAddress.getByName("fd00::1"), 9));
    assertThat(n.remote()).isEqualTo(SocketAddress.inet(InetAddress.getByName("fd00::2"), 40000));
    assertThat(n.netns()).isEqualTo(4026533001L);
    assertThat(n.header().pid()).isZero();
    assertThat(n.drop()).isEqualTo(new PacketDrop("NO_SOCKET", 7, false));
    assertThat(n.traffic()).isNull();
  }
}
