package dev.tapio.app.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** A listen address, {@code host:port} or {@code [v6]:port}. */
public record HostPort(String host, int port) {

  /** Parses {@code text}; throws IllegalArgumentException when it is not host:port. */
  public static HostPort parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("not host:port: " + text);
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(text.substring(colon + 1));
    if (port < 0 || port > 65_535 || host.isEmpty()) {
      throw new IllegalArgumentException("not host:port: " + text);
    }
    return new HostPort(host, port);
  }

  /** Whether only this machine can reach the address (127.0.0.0/8, ::1, localhost). */
  public boolean loopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }
}
