package dev.tapio.enrich.internal.netpol;

import dev.tapio.enrich.netpol.Connection.Protocol;
import java.net.InetAddress;
import java.util.Map;

/**
 * A pod as policies see it, with the policies that isolate it, found once when the snapshot is
 * built.
 *
 * @param hostIps the IPs of the node the pod runs on (ingress from there is always allowed)
 * @param ingress the policies that select the pod and have Ingress in their policy types, ordered
 * @param egress the same for Egress
 */
record PodEntry(
    String namespace,
    String name,
    Map<String, String> labels,
    Map<String, String> namespaceLabels,
    NamedPort[] ports,
    InetAddress[] hostIps,
    CompiledPolicy[] ingress,
    CompiledPolicy[] egress) {

  /** A named container port. */
  record NamedPort(String name, Protocol protocol, int port) {}

  /** The number of the container port called {@code name} for {@code protocol}, or -1. */
  int namedPort(String name, Protocol protocol) {
    for (NamedPort port : ports) {
      if (port.protocol() == protocol && port.name().equals(name)) {
        return port.port();
      }
    }
    return -1;
  }

  boolean onNode(InetAddress address) {
    for (InetAddress hostIp : hostIps) {
      if (hostIp.equals(address)) {
        return true;
      }
    }
    return false;
  }
}
