package dev.tapio.sensors.internal.decode;

import dev.tapio.api.event.PacketDrop;
import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.ffm.Btf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running kernel's reasons for dropping a packet ({@code enum skb_drop_reason}), read from its
 * BTF once: their values differ from kernel to kernel (each release inserts new ones in the
 * middle), so no number is written down here. Names lose their {@code SKB_DROP_REASON_} prefix
 * ({@code NO_SOCKET}, {@code NETFILTER_DROP}).
 *
 * <p>Also decides which reasons the kernel side reports ({@link #wanted}): every one but {@code
 * NOT_SPECIFIED}, which the kernel's plain {@code kfree_skb} gives and which fires all the time.
 * {@code SKB_NOT_DROPPED_YET} and {@code SKB_CONSUMED} are not drop reasons (no prefix), and {@code
 * MAX} and the {@code SUBSYS_} values are bounds, not reasons. A kernel without the enum (before
 * 5.17) reports every drop with reason 0, named {@code unknown}.
 */
public final class DropReasons {
  static final String ENUM = "skb_drop_reason";
  static final String PREFIX = "SKB_DROP_REASON_";

  /** Fires constantly: the reason of the kernel's generic {@code kfree_skb}. */
  static final String NOT_SPECIFIED = "NOT_SPECIFIED";

  /** The reasons of a kernel that gives none: every drop has reason 0. */
  static final DropReasons NONE = new DropReasons(Map.of(), List.of(0));

  private final Map<Integer, String> names;
  private final List<Integer> wanted;

  private DropReasons(Map<Integer, String> names, List<Integer> wanted) {
    this.names = names;
    this.wanted = wanted;
  }

  /** The reasons of an {@code enum skb_drop_reason} with these enumerators (name to value). */
  static DropReasons of(Map<String, Long> enumerators) {
    Map<Integer, String> names = new TreeMap<>();
    List<Integer> wanted = new ArrayList<>();
    for (Map.Entry<String, Long> e : enumerators.entrySet()) {
      if (!e.getKey().startsWith(PREFIX)) {
        continue;
      }
      String name = e.getKey().substring(PREFIX.length());
      long value = e.getValue();
      if (name.equals("MAX")
          || name.startsWith("SUBSYS_")
          || value <= 0
          || value >= Abi.Limit.DROP_REASONS.value()) {
        continue;
      }
      names.putIfAbsent((int) value, name);
      if (!name.equals(NOT_SPECIFIED)) {
        wanted.add((int) value);
      }
    }
    wanted.sort(null);
    return new DropReasons(Collections.unmodifiableMap(names), List.copyOf(wanted));
  }

  /** The running kernel's reasons, read once. */
  public static DropReasons host() {
    return Host.REASONS;
  }

  private static final class Host {
    static final DropReasons REASONS =
        Btf.kernelEnum(ENUM).map(e -> of(e.constants())).orElse(NONE);
  }

  /** The name of reason {@code code}; {@code unknown} for one the kernel's enum does not name. */
  public String name(int code) {
    return names.getOrDefault(code, PacketDrop.UNKNOWN);
  }

  /** The reason values the kernel side reports ({@code tapio_drop_reasons}), ascending. */
  public List<Integer> wanted() {
    return wanted;
  }

  /** Every named reason by value, ascending. */
  public Map<Integer, String> names() {
    return names;
  }
}
