package dev.tapio.api.context;

import dev.tapio.api.event.Event;
import org.jspecify.annotations.Nullable;

/**
 * A kernel event with everything enrichment knows about its actor. This is the fact rules match on
 * and the subject of every alert.
 *
 * @param event what the kernel reported
 * @param lineage the acting process and its ancestors
 * @param user the user and group, names resolved where possible
 * @param container the container, or {@link ContainerInfo#HOST}
 * @param pod the pod, when the container belongs to one
 * @param hostname the node's host name
 * @param netpol what NetworkPolicies say about the connection the event opens; null for events that
 *     open none
 */
public record EnrichedEvent(
    Event event,
    Lineage lineage,
    UserInfo user,
    ContainerInfo container,
    @Nullable PodInfo pod,
    String hostname,
    @Nullable PolicyVerdict netpol) {

  /** An event that opens no connection policies judge. */
  public EnrichedEvent(
      Event event,
      Lineage lineage,
      UserInfo user,
      ContainerInfo container,
      @Nullable PodInfo pod,
      String hostname) {
    this(event, lineage, user, container, pod, hostname, null);
  }

  public ProcessInfo process() {
    return lineage.process();
  }

  public String type() {
    return event.type();
  }

  /**
   * The same event in {@code container} and {@code pod}: what enrichment learned about them after
   * the event was first emitted.
   */
  public EnrichedEvent withContainer(ContainerInfo container, @Nullable PodInfo pod) {
    return new EnrichedEvent(event, lineage, user, container, pod, hostname, netpol);
  }

  /** The same actor and context with {@code event} as what the kernel reported. */
  public EnrichedEvent withEvent(Event event) {
    return new EnrichedEvent(event, lineage, user, container, pod, hostname, netpol);
  }

  /** The same event with {@code lineage} as its acting process and ancestors. */
  public EnrichedEvent withLineage(Lineage lineage) {
    return new EnrichedEvent(event, lineage, user, container, pod, hostname, netpol);
  }

  /** The same event with {@code netpol} as the NetworkPolicy verdict on its connection. */
  public EnrichedEvent withNetpol(@Nullable PolicyVerdict netpol) {
    return new EnrichedEvent(event, lineage, user, container, pod, hostname, netpol);
  }
}
