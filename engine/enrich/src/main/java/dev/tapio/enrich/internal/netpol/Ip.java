package dev.tapio.enrich.internal.netpol;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An IP address as bits, for prefix matching: IPv4 in the low 32 bits of {@code lo}, IPv6 as two
 * longs. An IPv4-mapped IPv6 address arrives here as IPv4 already ({@link InetAddress} maps it).
 */
record Ip(boolean v6, long hi, long lo) {

  static Ip of(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return new Ip(false, 0, Integer.toUnsignedLong(toInt(bytes, 0)));
    }
    return new Ip(true, toLong(bytes, 0), toLong(bytes, 8));
  }

  private static int toInt(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) << 24
        | (bytes[offset + 1] & 0xff) << 16
        | (bytes[offset + 2] & 0xff) << 8
        | (bytes[offset + 3] & 0xff);
  }

  private static long toLong(byte[] bytes, int offset) {
    return (Integer.toUnsignedLong(toInt(bytes, offset)) << 32)
        | Integer.toUnsignedLong(toInt(bytes, offset + 4));
  }
}
