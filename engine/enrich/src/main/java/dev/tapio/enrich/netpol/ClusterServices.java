package dev.tapio.enrich.netpol;

import dev.tapio.enrich.internal.netpol.ServiceIndex;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.Collection;
import java.util.List;

/**
 * The cluster's Services by ClusterIP, each port with the pods behind it. A process that connects
 * to a Service connects to its ClusterIP: kube-proxy's DNAT (iptables or IPVS) rewrites the address
 * in netfilter, after the connect the socket hooks saw, and a connect's remote address is read as
 * the caller gave it, so the event carries the ClusterIP and the Service port. Policies, though,
 * select pods and their ports: {@link #resolve} turns such a connection into one to a backing pod
 * and its target port, as it reaches the pod.
 *
 * <p>Backends come from the Service's EndpointSlices (ready endpoints, the slice port of the same
 * name and protocol, so a named {@code targetPort} is already a number there); a Service whose
 * slices are not known falls back to its selector's pods, with a named {@code targetPort} looked up
 * in each pod's container ports. Any backing pod stands for all: they share the labels the selector
 * picked, so policies judge them alike; the first by address is taken, for a stable answer.
 */
public final class ClusterServices {
  /** No Services: every connection is its own. */
  public static final ClusterServices EMPTY = of(List.of(), List.of(), List.of());

  private final ServiceIndex index;

  private ClusterServices(ServiceIndex index) {
    this.index = index;
  }

  /**
   * The Services, their EndpointSlices, and the pods their selectors pick when slices are not
   * known.
   */
  public static ClusterServices of(
      Collection<Service> services, Collection<EndpointSlice> slices, Collection<Pod> pods) {
    return new ClusterServices(ServiceIndex.build(services, slices, pods));
  }

  /**
   * {@code c} with its destination replaced by a backing pod's address and target port when it is a
   * Service's ClusterIP and port with a backend of the same address family; {@code c} itself
   * otherwise (a pod, an outside address, a ClusterIP without a ready backend).
   */
  public Connection resolve(Connection c) {
    ServiceIndex.Backend backend =
        index.backend(c.destination(), c.protocol(), c.destinationPort());
    return backend == null
        ? c
        : new Connection(
            c.protocol(),
            c.source(),
            c.sourcePort(),
            backend.address(),
            backend.port(),
            c.direction());
  }

  /** Service ports known by ClusterIP. */
  public int servicePorts() {
    return index.size();
  }
}
