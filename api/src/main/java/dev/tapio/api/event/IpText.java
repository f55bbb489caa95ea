package dev.tapio.api.event;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IP address as Falco and the C library's {@code inet_ntop} write it: IPv4 dotted; IPv6 in
 * lower-case hexadecimal groups without leading zeros, the longest run of two or more zero groups
 * (the first of equals) written {@code ::}, and an IPv4-compatible or -mapped address with its last
 * 32 bits dotted ({@code ::ffff:10.0.0.1}). Java's {@link InetAddress#getHostAddress()} writes
 * every group ({@code 0:0:0:0:0:0:0:1}), which rules comparing text would not match.
 */
public final class IpText {
  private IpText() {}

  /** {@code 10.0.0.1}, {@code ::1}, {@code 2001:db8::5}, {@code fe80::1:0:0:2}. */
  public static String of(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < 8 && words[i] == 0) {
        i++;
      }
      if (i - start > bestLength) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    if (bestLength < 2) {
      bestStart = -1;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append(':');
        i += bestLength - 1;
        if (i == 7) {
          out.append(':');
        }
        continue;
      }
      if (i > 0) {
        out.append(':');
      }
      if (i == 6 && embedsIpv4(bestStart, bestLength, words)) {
        out.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.');
        out.append(b[14] & 0xff).append('.').append(b[15] & 0xff);
        break;
      }
      out.append(Integer.toHexString(words[i]));
    }
    return out.toString();
  }

  /** {@code ::a.b.c.d} (six zero groups) and {@code ::ffff:a.b.c.d}, as inet_ntop writes them. */
  private static boolean embedsIpv4(int bestStart, int bestLength, int[] words) {
    return bestStart == 0 && (bestLength == 6 || (bestLength == 5 && words[5] == 0xffff));
  }
}
