package dev.tapio.enrich.internal.netpol;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.netpol.ClusterServices;
import dev.tapio.enrich.netpol.Connection;
import dev.tapio.enrich.netpol.NetworkPolicies;
import dev.tapio.enrich.netpol.NetworkPolicySettings;
import dev.tapio.enrich.netpol.Verdict;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Pods (all of the cluster's: a connection's other end may be anywhere), namespaces,
 * NetworkPolicies, Services and EndpointSlices (a connection to a ClusterIP is judged as to a pod
 * behind it) kept by fabric8 informers. The view is complete once pods, namespaces and policies are
 * listed; Services and EndpointSlices only refine it, so a cluster role without them (a chart
 * before they were added) leaves it partial, with ClusterIPs judged as outside addresses. Any
 * change schedules a rebuild of the {@link PolicySnapshot} on one background thread after {@link
 * NetworkPolicySettings#rebuildDelay()}, so a burst of changes costs one rebuild; {@link #evaluate}
 * reads the current snapshot and never waits.
 */
public final class InformedPolicies implements NetworkPolicies {
  static final String WAITING = "waiting for the first lists of pods, namespaces and policies";

  private final String apiServer;
  private final long rebuildDelayMillis;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers =
      new LinkedHashMap<>();
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<NetworkPolicy> policies;
  private final SharedIndexInformer<Service> services;
  private final SharedIndexInformer<EndpointSlice> slices;
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final AtomicBoolean rebuildPending = new AtomicBoolean();
  private final ScheduledExecutorService rebuilder =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().name("tapio-netpol").daemon().unstarted(task));
  private volatile PolicySnapshot snapshot = PolicySnapshot.EMPTY;

  private InformedPolicies(KubernetesClient client, NetworkPolicySettings settings) {
    this.apiServer = String.valueOf(client.getMasterUrl());
    this.rebuildDelayMillis = settings.rebuildDelay().toMillis();
    long resync = settings.resync().toMillis();
    this.pods = client.pods().inAnyNamespace().runnableInformer(resync);
    this.namespaces = client.namespaces().runnableInformer(resync);
    this.policies =
        client.network().v1().networkPolicies().inAnyNamespace().runnableInformer(resync);
    informers.put("pods", pods);
    informers.put("namespaces", namespaces);
    informers.put("networkpolicies", policies);
    this.services = client.services().inAnyNamespace().runnableInformer(resync);
    this.slices =
        client.discovery().v1().endpointSlices().inAnyNamespace().runnableInformer(resync);
    informers.put("services", services);
    informers.put("endpointslices", slices);
  }

  public static InformedPolicies start(KubernetesClient client, NetworkPolicySettings settings) {
    InformedPolicies view = new InformedPolicies(client, settings);
    view.informers.forEach(view::startInformer);
    return view;
  }

  private <T extends HasMetadata> void startInformer(String name, SharedIndexInformer<T> informer) {
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T object) {
            changed(name);
          }

          @Override
          public void onUpdate(T before, T after) {
            changed(name);
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            changed(name);
          }
        });
    informer.exceptionHandler(
        (started, error) -> {
          failures.put(name, String.valueOf(error.getMessage()));
          return true; // keep retrying with the informer's backoff
        });
    try {
      informer
          .start()
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  failures.put(name, String.valueOf(error.getMessage()));
                } else {
                  changed(name); // an empty first list changes nothing but completes the view
                }
              });
    } catch (RuntimeException e) {
      failures.put(name, String.valueOf(e.getMessage()));
    }
  }

  private void changed(String informer) {
    failures.remove(informer);
    if (rebuildPending.compareAndSet(false, true)) {
      try {
        rebuilder.schedule(this::rebuild, rebuildDelayMillis, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        rebuildPending.set(false); // closed
      }
    }
  }

  private void rebuild() {
    rebuildPending.set(false); // changes from now on schedule another rebuild
    snapshot =
        PolicySnapshot.build(
            namespaces.getStore().list(),
            pods.getStore().list(),
            policies.getStore().list(),
            ClusterServices.of(
                services.getStore().list(), slices.getStore().list(), pods.getStore().list()));
  }

  @Override
  public Verdict evaluate(Connection connection) {
    return snapshot.evaluate(connection);
  }

  /**
   * Enabled once every informer has its first list; unavailable before; partial while one fails
   * after that (the view keeps what it had).
   */
  @Override
  public SourceStatus status() {
    boolean synced = Stream.of(pods, namespaces, policies).allMatch(SharedIndexInformer::hasSynced);
    String problems =
        informers.keySet().stream()
            .filter(failures::containsKey)
            .map(name -> name + ": " + failures.get(name))
            .collect(Collectors.joining("; "));
    String mechanism = describe(snapshot, "informers on " + apiServer);
    if (!synced) {
      return SourceStatus.unavailable(
          (problems.isEmpty() ? WAITING : problems) + " (" + apiServer + ")");
    }
    return problems.isEmpty()
        ? SourceStatus.enabled(mechanism)
        : SourceStatus.partial(mechanism, problems);
  }

  /** {@code 12 pods, 3 policies (informers on URL)}. */
  public static String describe(PolicySnapshot snapshot, String source) {
    return snapshot.pods() + " pods, " + snapshot.policies() + " policies (" + source + ")";
  }

  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::close);
    rebuilder.shutdownNow();
  }
}
