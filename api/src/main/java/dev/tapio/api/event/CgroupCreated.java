package dev.tapio.api.event;

/**
 * A cgroup was created on the cgroup v2 hierarchy ({@code cgroup_mkdir}): a container runtime
 * making a container's cgroup, systemd a service's. Enrichment learns the cgroup's path from it, so
 * the cgroup's events name their container even when a short-lived container removed it before they
 * were enriched.
 *
 * @param header the task that created it
 * @param cgroupId the new cgroup's id: what {@code bpf_get_current_cgroup_id} returns for its tasks
 * @param path its path from the hierarchy's root, such as {@code
 *     /kubepods/besteffort/pod…/cri-containerd-….scope}
 */
public record CgroupCreated(EventHeader header, long cgroupId, String path) implements Event {
  /** The event type: the kernel's tracepoint. */
  public static final String TYPE = "cgroup_mkdir";

  @Override
  public String type() {
    return TYPE;
  }
}
