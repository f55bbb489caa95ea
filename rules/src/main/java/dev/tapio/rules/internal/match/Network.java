package dev.tapio.rules.internal.match;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** An IP network ({@code 10.0.0.0/8}) or a single address; parsing never touches DNS. */
@SuppressWarnings("ArrayRecordComponent") // compared by contains(), never by equals
public record Network(byte[] address, int prefixBits) {

  private static final Pattern IPV4 =
      Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

  /** A literal IPv4 or IPv6 address, or null when {@code text} is not one. */
  public static @Nullable InetAddress parseAddress(String text) {
    var m = IPV4.matcher(text);
    try {
      if (m.matches()) {
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
          int v = Integer.parseInt(m.group(i + 1));
          if (v > 255) {
            return null;
          }
          b[i] = (byte) v;
        }
        return InetAddress.getByAddress(b);
      }
      if (text.indexOf(':') >= 0 && text.matches("^[0-9a-fA-F:.]+$")) {
        return InetAddress.getByName(text);
      }
    } catch (UnknownHostException e) {
      return null;
    }
    return null;
  }

  /** {@code addr/bits} or a bare address (a host network); null when unparsable. */
  public static @Nullable Network parse(String text) {
    int slash = text.indexOf('/');
    String a = slash < 0 ? text : text.substring(0, slash);
    InetAddress addr = parseAddress(a);
    if (addr == null) {
      return null;
    }
    int max = addr.getAddress().length * 8;
    int bits = max;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return null;
      }
      if (bits < 0 || bits > max) {
        return null;
      }
    }
    return new Network(addr.getAddress(), bits);
  }

  public boolean contains(InetAddress candidate) {
    byte[] c = candidate.getAddress();
    if (c.length != address.length) {
      return false;
    }
    int full = prefixBits / 8;
    for (int i = 0; i < full; i++) {
      if (c[i] != address[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (c[full] & mask) == (address[full] & mask);
  }
}
