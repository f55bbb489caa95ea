package dev.tapio.api.event;

/**
 * Why the kernel dropped a packet, as its {@code skb:kfree_skb} tracepoint said.
 *
 * @param reason the name of the kernel's {@code enum skb_drop_reason} value without its {@code
 *     SKB_DROP_REASON_} prefix ({@code NO_SOCKET}, {@code NETFILTER_DROP}, {@code
 *     TCP_INVALID_SEQUENCE}…), read from the running kernel's BTF; {@code unknown} on a kernel that
 *     gives no reason
 * @param code the value itself, which differs between kernels (0 where there is none)
 * @param outbound whether the packet was leaving a local socket (then the event's local end is its
 *     source); otherwise it was arriving, or its direction is not known, and the local end is its
 *     destination
 */
public record PacketDrop(String reason, int code, boolean outbound) {
  /** The reason of a drop on a kernel that does not say why. */
  public static final String UNKNOWN = "unknown";
}
