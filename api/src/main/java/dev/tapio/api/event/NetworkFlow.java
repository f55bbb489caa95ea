package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * An aggregated network flow between two endpoints over an interval.
 *
 * @param protocol L4 protocol number
 * @param verdict what network policy decided, {@code allowed} or {@code denied}, or empty
 * @param policy the NetworkPolicy that decided, if known
 */
public record NetworkFlow(
    EventHeader header,
    int protocol,
    SocketAddress source,
    SocketAddress destination,
    long bytesOut,
    long bytesIn,
    long packetsOut,
    long packetsIn,
    String verdict,
    @Nullable String policy)
    implements Event {

  @Override
  public String type() {
    return "flow";
  }
}
