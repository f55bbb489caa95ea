package dev.tapio.api.event;

import org.jspecify.annotations.Nullable;

/**
 * What one file descriptor of a task is, as Falco's {@code fd.type} names it.
 *
 * @param type {@code file}, {@code directory}, {@code pipe}, {@code ipv4}, {@code ipv6}, {@code
 *     unix}, {@code other}, or empty when the descriptor is not open
 * @param protocol for an IP socket its L4 protocol number (6 TCP, 17 UDP), else 0
 * @param local a socket's own end, if known
 * @param remote a socket's peer, if known
 */
public record OpenFd(
    String type, int protocol, @Nullable SocketAddress local, @Nullable SocketAddress remote) {

  /** A descriptor that is not open. */
  public static final OpenFd CLOSED = new OpenFd("", 0, null, null);

  /** Whether it is a socket of any family. */
  public boolean isSocket() {
    return type.equals("ipv4") || type.equals("ipv6") || type.equals("unix");
  }
}
