package dev.tapio.rules.internal.fields;

import static dev.tapio.rules.internal.fields.FieldType.STRING;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.event.NetworkEvent;
import dev.tapio.api.event.PacketDrop;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code tapio.drop.*}: why the kernel dropped a packet, which Falco has no event for. Set on
 * {@code drop} events only (so {@code !=} is false on every other).
 */
final class DropFields {

  private DropFields() {}

  static void register(List<FieldDef> out) {
    out.add(
        FieldDef.simple(
            "tapio.drop.reason",
            STRING,
            "why the kernel dropped the packet: its drop reason without the SKB_DROP_REASON_"
                + " prefix (NO_SOCKET, NETFILTER_DROP, TCP_INVALID_SEQUENCE...), as the running"
                + " kernel names it; unknown on kernels before 5.17",
            (EnrichedEvent e) -> {
              PacketDrop d = drop(e);
              return d == null ? null : d.reason();
            }));
    out.add(
        FieldDef.simple(
            "tapio.drop.direction",
            STRING,
            "out when the packet was leaving a local socket (fd.lip and fd.lport are its source),"
                + " else in (they are its destination)",
            (EnrichedEvent e) -> {
              PacketDrop d = drop(e);
              return d == null ? null : d.outbound() ? "out" : "in";
            }));
  }

  private static @Nullable PacketDrop drop(EnrichedEvent e) {
    return e.event() instanceof NetworkEvent n ? n.drop() : null;
  }
}
