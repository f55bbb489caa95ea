package dev.tapio.enrich.internal.netpol;

import dev.tapio.enrich.netpol.Connection.Protocol;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Service ports by (ClusterIP, protocol, port), each with the one backend that stands for all: see
 * {@link dev.tapio.enrich.netpol.ClusterServices}. Built once per view; lookups are one hash probe.
 */
public final class ServiceIndex {
  /** The label that ties an EndpointSlice to its Service. */
  static final String SERVICE_NAME = "kubernetes.io/service-name";

  /** A pod address and the port the Service's traffic reaches it on. */
  public record Backend(InetAddress address, int port) {}

  private record Key(InetAddress clusterIp, Protocol protocol, int port) {}

  private final Map<Key, Backend> backends;

  private ServiceIndex(Map<Key, Backend> backends) {
    this.backends = backends;
  }

  public static ServiceIndex build(
      Collection<Service> services, Collection<EndpointSlice> slices, Collection<Pod> pods) {
    Map<List<String>, List<EndpointSlice>> slicesByService = new HashMap<>();
    for (EndpointSlice slice : slices) {
      var meta = slice.getMetadata();
      String service = meta.getLabels() == null ? null : meta.getLabels().get(SERVICE_NAME);
      if (service != null) {
        slicesByService
            .computeIfAbsent(
                List.of(namespace(meta.getNamespace()), service), k -> new ArrayList<>())
            .add(slice);
      }
    }
    Map<Key, Backend> out = new HashMap<>();
    for (Service service : services) {
      var meta = service.getMetadata();
      List<EndpointSlice> own =
          slicesByService.get(List.of(namespace(meta.getNamespace()), meta.getName()));
      for (InetAddress clusterIp : clusterIps(service)) {
        for (ServicePort port : nullToEmpty(service.getSpec().getPorts())) {
          Protocol protocol =
              Protocol.ofName(Objects.requireNonNullElse(port.getProtocol(), "TCP"));
          if (protocol == null || port.getPort() == null) {
            continue;
          }
          List<Backend> candidates =
              own != null
                  ? fromSlices(own, port, protocol)
                  : fromSelector(service, port, protocol, pods);
          candidates.stream()
              .filter(b -> sameFamily(b.address(), clusterIp))
              .min(Comparator.comparing((Backend b) -> b.address().getHostAddress()))
              .ifPresent(b -> out.put(new Key(clusterIp, protocol, port.getPort()), b));
        }
      }
    }
    return new ServiceIndex(Map.copyOf(out));
  }

  /** The backend of {@code clusterIp:port}, or null when that is no Service port with one. */
  public @Nullable Backend backend(InetAddress clusterIp, Protocol protocol, int port) {
    return backends.get(new Key(clusterIp, protocol, port));
  }

  public int size() {
    return backends.size();
  }

  /** Ready endpoints of the slices, on the slice port named as the Service port. */
  private static List<Backend> fromSlices(
      List<EndpointSlice> slices, ServicePort port, Protocol protocol) {
    String name = Objects.requireNonNullElse(port.getName(), "");
    List<Backend> out = new ArrayList<>();
    for (EndpointSlice slice : slices) {
      Integer number = null;
      for (EndpointPort p : nullToEmpty(slice.getPorts())) {
        if (name.equals(Objects.requireNonNullElse(p.getName(), ""))
            && protocol.name().equals(Objects.requireNonNullElse(p.getProtocol(), "TCP"))) {
          number = p.getPort();
        }
      }
      if (number == null) {
        continue;
      }
      for (Endpoint endpoint : nullToEmpty(slice.getEndpoints())) {
        boolean ready =
            endpoint.getConditions() == null
                || !Boolean.FALSE.equals(endpoint.getConditions().getReady());
        if (ready) {
          for (String address : nullToEmpty(endpoint.getAddresses())) {
            InetAddress ip = literal(address);
            if (ip != null) {
              out.add(new Backend(ip, number));
            }
          }
        }
      }
    }
    return out;
  }

  /** The running pods the selector picks, on the target port (a number, or a named port). */
  private static List<Backend> fromSelector(
      Service service, ServicePort port, Protocol protocol, Collection<Pod> pods) {
    Map<String, String> selector = service.getSpec().getSelector();
    if (selector == null || selector.isEmpty()) {
      return List.of(); // endpoints are managed by hand: only slices say where they are
    }
    String namespace = namespace(service.getMetadata().getNamespace());
    IntOrString target = port.getTargetPort();
    List<Backend> out = new ArrayList<>();
    for (Pod pod : pods) {
      var meta = pod.getMetadata();
      Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
      if (!namespace.equals(namespace(meta.getNamespace()))
          || !labels.entrySet().containsAll(selector.entrySet())
          || PolicySnapshot.hostNetwork(pod)
          || PolicySnapshot.finished(pod)) {
        continue;
      }
      int number =
          target == null
              ? port.getPort()
              : target.getIntVal() != null
                  ? target.getIntVal()
                  : namedPort(pod, target.getStrVal(), protocol);
      if (number > 0) {
        PolicySnapshot.podIps(pod).forEach(ip -> out.add(new Backend(ip, number)));
      }
    }
    return out;
  }

  private static int namedPort(Pod pod, @Nullable String name, Protocol protocol) {
    if (pod.getSpec() == null || name == null) {
      return -1;
    }
    for (Container container : nullToEmpty(pod.getSpec().getContainers())) {
      for (ContainerPort p : nullToEmpty(container.getPorts())) {
        if (name.equals(p.getName())
            && protocol.name().equals(Objects.requireNonNullElse(p.getProtocol(), "TCP"))
            && p.getContainerPort() != null) {
          return p.getContainerPort();
        }
      }
    }
    return -1;
  }

  /** {@code spec.clusterIP} and {@code spec.clusterIPs} (dual-stack); none for headless ones. */
  private static Set<InetAddress> clusterIps(Service service) {
    Set<InetAddress> out = new LinkedHashSet<>();
    if (service.getSpec() == null) {
      return out;
    }
    List<String> all = new ArrayList<>(nullToEmpty(service.getSpec().getClusterIPs()));
    all.add(Objects.requireNonNullElse(service.getSpec().getClusterIP(), ""));
    for (String text : all) {
      InetAddress ip = literal(text);
      if (ip != null) {
        out.add(ip);
      }
    }
    return out;
  }

  private static @Nullable InetAddress literal(@Nullable String text) {
    if (text == null || text.isEmpty() || text.equals("None")) {
      return null;
    }
    try {
      return InetAddress.ofLiteral(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean sameFamily(InetAddress a, InetAddress b) {
    return (a instanceof Inet4Address) == (b instanceof Inet4Address);
  }

  private static String namespace(@Nullable String namespace) {
    return Objects.requireNonNullElse(namespace, "default");
  }

  private static <T> List<T> nullToEmpty(@Nullable List<T> list) {
    return list == null ? List.of() : list;
  }
}
