package dev.tapio.enrich.flows;

import dev.tapio.api.context.PodInfo;
import dev.tapio.api.event.IpText;
import java.net.InetAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One end of a flow, named by the most stable thing known about it: the top of the pod's owner
 * chain ({@code Deployment:shop/web}), else the pod ({@code Pod:shop/web-0}), else the container or
 * process ({@code container:nginx}, {@code process:curl}), else the address ({@code 203.0.113.5}).
 * Only {@link Kind#ADDRESS} ends count against the table's external address budget.
 *
 * @param name the workload name flows are keyed and reported by
 * @param address the address seen, reported as the flow's representative address
 */
public record FlowEndpoint(Kind kind, String name, @Nullable InetAddress address) {

  /** What the name names. */
  public enum Kind {
    WORKLOAD,
    POD,
    CONTAINER,
    PROCESS,
    ADDRESS,
    /** A bucket of many ends the table could not keep apart. */
    AGGREGATE
  }

  public FlowEndpoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (kind == Kind.ADDRESS && address == null) {
      throw new IllegalArgumentException("an ADDRESS endpoint needs its address");
    }
  }

  /** The pod's workload, or the pod itself when it has no owner. */
  public static FlowEndpoint pod(PodInfo pod, @Nullable InetAddress address) {
    PodInfo.Owner top = pod.workload();
    return top == null
        ? new FlowEndpoint(Kind.POD, "Pod:" + pod.namespace() + "/" + pod.name(), address)
        : new FlowEndpoint(
            Kind.WORKLOAD, top.kind() + ":" + pod.namespace() + "/" + top.name(), address);
  }

  /** A container outside Kubernetes, by its name. */
  public static FlowEndpoint container(String name, @Nullable InetAddress address) {
    return new FlowEndpoint(Kind.CONTAINER, "container:" + name, address);
  }

  /** A host process, by its name. */
  public static FlowEndpoint process(String name, @Nullable InetAddress address) {
    return new FlowEndpoint(Kind.PROCESS, "process:" + name, address);
  }

  /** Nothing but an address (outside the cluster, or not yet known). */
  public static FlowEndpoint address(InetAddress address) {
    return new FlowEndpoint(Kind.ADDRESS, IpText.of(address), address);
  }

  /**
   * The best name known: the pod's workload, else the container's name, else the process's, else
   * the address.
   */
  public static FlowEndpoint of(
      @Nullable PodInfo pod,
      @Nullable String container,
      @Nullable String process,
      InetAddress address) {
    if (pod != null) {
      return pod(pod, address);
    }
    if (container != null && !container.isEmpty()) {
      return container(container, address);
    }
    if (process != null && !process.isEmpty()) {
      return process(process, address);
    }
    return address(address);
  }
}
