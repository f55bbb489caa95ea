package dev.tapio.api.event;

import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/** One end of a socket: an IP address and port, or a unix socket path. */
public record SocketAddress(@Nullable InetAddress address, int port, @Nullable String unixPath) {

  public static SocketAddress inet(InetAddress address, int port) {
    return new SocketAddress(address, port, null);
  }

  public static SocketAddress unix(String path) {
    return new SocketAddress(null, 0, path);
  }
}
