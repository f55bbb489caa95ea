package dev.tapio.enrich.internal.netpol;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/** An IPv4 or IPv6 prefix ({@code 10.0.0.0/8}, {@code 2001:db8::/32}); IPv4 never matches IPv6. */
record Cidr(boolean v6, long hi, long lo, int prefix) {

  /**
   * The prefix {@code text} names, or null when it is not one (such an ipBlock matches nothing).
   */
  static @Nullable Cidr parse(@Nullable String text) {
    if (text == null) {
      return null;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return null;
    }
    Ip base;
    int prefix;
    try {
      base = Ip.of(InetAddress.ofLiteral(text.substring(0, slash).trim()));
      prefix = Integer.parseInt(text.substring(slash + 1).trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (prefix < 0 || prefix > (base.v6() ? 128 : 32)) {
      return null;
    }
    int bits = base.v6() ? prefix : prefix + 96; // IPv4 lives in the low 32 bits of lo
    return new Cidr(base.v6(), base.hi() & hiMask(bits), base.lo() & loMask(bits), prefix);
  }

  boolean contains(Ip ip) {
    if (ip.v6() != v6) {
      return false;
    }
    int bits = v6 ? prefix : prefix + 96;
    return (ip.hi() & hiMask(bits)) == hi && (ip.lo() & loMask(bits)) == lo;
  }

  private static long hiMask(int bits) {
    return bits >= 64 ? -1L : bits == 0 ? 0L : -1L << (64 - bits);
  }

  private static long loMask(int bits) {
    return bits <= 64 ? 0L : bits == 128 ? -1L : -1L << (128 - bits);
  }
}
