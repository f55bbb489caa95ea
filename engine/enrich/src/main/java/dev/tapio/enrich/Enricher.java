package dev.tapio.enrich;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.context.UserInfo;
import dev.tapio.api.event.CgroupCreated;
import dev.tapio.api.event.CredentialChange;
import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.api.event.ProcessFork;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.internal.ContainerContexts;
import dev.tapio.enrich.internal.cgroup.CgroupResolver;
import dev.tapio.enrich.internal.proc.ProcessTable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Turns kernel events into {@link EnrichedEvent}s: the acting process and its ancestors, the user,
 * the container and the pod. {@link #enrich} runs on the event path: it answers from in-memory
 * tables and caches, never waits on a runtime or the Kubernetes API, and allocates little.
 *
 * <p>A container seen for the first time is emitted at once with its id and empty name and image
 * while its metadata is fetched in the background; {@link #complete} and {@link #awaitComplete}
 * fill it in later, for an alert about to be exported. Built with {@link #builder()}; owns the
 * metadata sources it was given and closes them.
 */
public final class Enricher implements AutoCloseable {
  static final String PROCESS_TABLE = "process table";
  static final String CGROUPS = "cgroups";
  static final String CONTAINERS = "containers";
  static final String KUBERNETES = "kubernetes";
  static final String NO_PROCFS = "no procfs: processes are known only from exec and fork events";
  static final String NO_CGROUP2 =
      "no cgroup v2 mount: containers are resolved from /proc/PID/cgroup";

  /** One tick at HZ=100 and the millisecond cut: how far behind an audit record's stamp may be. */
  static final long AUDIT_CLOCK_LAG_NANOS = 11_000_000L;

  private final ProcessTable processes;
  private final CgroupResolver cgroups;
  private final ContainerContexts contexts;
  private final ContainerMetadataSource containers;
  private final PodMetadataSource pods;
  private final String hostname;
  private final @Nullable String procfs;
  private final ExecutorService background;
  private final AtomicLong partialContainers = new AtomicLong();

  Enricher(
      ProcessTable processes,
      CgroupResolver cgroups,
      ContainerMetadataSource containers,
      PodMetadataSource pods,
      String hostname,
      @Nullable String procfs,
      ExecutorService background) {
    this.processes = processes;
    this.cgroups = cgroups;
    this.containers = containers;
    this.pods = pods;
    this.contexts = new ContainerContexts(cgroups, containers, pods);
    this.hostname = hostname;
    this.procfs = procfs;
    this.background = background;
  }

  public static EnricherBuilder builder() {
    return new EnricherBuilder();
  }

  /**
   * The event types enrichment must see whatever the rules ask for: those that build the process
   * tree (exec, fork and their kin, exit), and the creation of cgroups, which names containers. A
   * pipeline that filters events in the kernel asks for these too, or lineages go stale.
   */
  public static Set<String> requiredEventTypes() {
    return REQUIRED_EVENT_TYPES;
  }

  private static final Set<String> REQUIRED_EVENT_TYPES =
      Stream.concat(ProcessTable.EVENT_TYPES.stream(), Stream.of(CgroupCreated.TYPE))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Applies {@code event} to the process table (exec, fork, exit) and returns it with its context.
   * The process, its ancestors and its user are those of the event's time: an event read after a
   * later exec of its process is blamed on the program that ran when it happened (see {@link
   * ProcessTableLimits#history()}). Never blocks on I/O other than procfs for a process the table
   * has not seen.
   */
  public EnrichedEvent enrich(Event event) {
    processes.apply(event);
    if (event instanceof CgroupCreated created) {
      cgroups.learn(created.cgroupId(), created.path());
    }
    EventHeader header = event.header();
    long time = lookupTime(event);
    Lineage lineage = processes.lineage(header.pid(), time);
    ContainerContexts.Context context = contexts.resolve(cgroupOf(event), header.pid());
    if (!context.complete()) {
      partialContainers.incrementAndGet();
    }
    // a credential syscall's event shows the user the task has after it, as Falco's user.* do
    UserInfo user =
        event instanceof CredentialChange change
            ? processes.user(change.after())
            : processes.user(header.pid(), time);
    return new EnrichedEvent(event, lineage, user, context.container(), context.pod(), hostname);
  }

  /**
   * Whether {@code event} was made by a program whose exec (or fork) the process table has not seen
   * yet: the event's exec count is ahead of the latest program the table knows for its process. Its
   * exec record is in another sensor's ring, still to be read; enriched now, the event would be
   * blamed on the program before. Exec and fork events never wait: they are what the others wait
   * for. False whenever the counts are unknown.
   */
  public boolean awaitsExec(Event event) {
    if (event instanceof ProcessExec || event instanceof ProcessFork) {
      return false;
    }
    EventHeader header = event.header();
    return processes.aheadOfTable(header.pid(), header.execId());
  }

  /**
   * The exec {@code event} {@linkplain #awaitsExec waited for} did not come (its record was lost):
   * its process is taken as procfs shows it now, from the event's time on.
   */
  public void execMissed(Event event) {
    EventHeader header = event.header();
    processes.adopt(header.pid(), header.execId(), header.timeNanos(), header.cgroupId());
  }

  /**
   * {@code enriched} with the container and pod metadata known now; the same instance when nothing
   * new is known. Never blocks.
   */
  public EnrichedEvent complete(EnrichedEvent enriched) {
    if (enriched.container().isHost()) {
      return enriched;
    }
    EventHeader header = enriched.event().header();
    ContainerContexts.Context now = contexts.resolve(cgroupOf(enriched.event()), header.pid());
    if (now.container().equals(enriched.container()) && Objects.equals(now.pod(), enriched.pod())) {
      return enriched;
    }
    return enriched.withContainer(now.container(), now.pod());
  }

  /**
   * Like {@link #complete}, but waits up to {@code timeout} for a pending container lookup. For the
   * alert export thread, never for the event path.
   */
  public EnrichedEvent awaitComplete(EnrichedEvent enriched, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    EnrichedEvent current = complete(enriched);
    EventHeader header = enriched.event().header();
    while (!current.container().isHost()
        && !contexts.resolve(cgroupOf(enriched.event()), header.pid()).complete()
        && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      current = complete(current);
    }
    // the lookup may have finished between the last completion and the loop's check
    return complete(current);
  }

  /**
   * The time whose programs an event is blamed on. An audit record's stamp is the kernel's coarse
   * realtime clock (up to a tick behind) cut to milliseconds, so it can precede the exec that
   * started the program it reports; it is looked up {@link #AUDIT_CLOCK_LAG_NANOS} later.
   */
  private static long lookupTime(Event event) {
    long time = event.header().timeNanos();
    boolean audit =
        switch (event) {
          case SeccompViolation v -> v.source() == SeccompViolation.Source.AUDIT;
          case LsmDenial d -> d.source() == LsmDenial.Source.AUDIT;
          default -> false;
        };
    return audit ? time + AUDIT_CLOCK_LAG_NANOS : time;
  }

  /**
   * The event's cgroup, or, when it names none (an audit record whose task was reaped before its
   * cgroup was read), the one the process table knows the program by.
   */
  private long cgroupOf(Event event) {
    EventHeader header = event.header();
    return header.cgroupId() != 0
        ? header.cgroupId()
        : processes.cgroupId(header.pid(), lookupTime(event));
  }

  /** Each part's status, in a stable order: process table, cgroups, containers, kubernetes. */
  public Map<String, SourceStatus> status() {
    Map<String, SourceStatus> status = new LinkedHashMap<>();
    status.put(
        PROCESS_TABLE,
        procfs != null
            ? SourceStatus.enabled(procfs)
            : SourceStatus.partial("exec/fork/exit events", NO_PROCFS));
    status.put(
        CGROUPS,
        cgroups.cgroup2Root() != null
            ? SourceStatus.enabled("cgroup2 at " + cgroups.cgroup2Root())
            : SourceStatus.partial("procfs", NO_CGROUP2));
    status.put(CONTAINERS, containers.status());
    status.put(KUBERNETES, pods.status());
    return status;
  }

  /** {@link #status()} as lines such as {@code containers: enabled (cri containerd 1.6.20)}. */
  public List<String> statusLines() {
    return status().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
  }

  public EnrichMetrics metrics() {
    return new EnrichMetrics(
        processes.size(),
        processes.evictions(),
        cgroups.scans(),
        partialContainers.get(),
        processes.historyMisses());
  }

  /** Stops background work and closes the metadata sources. */
  @Override
  public void close() {
    background.shutdownNow();
    try {
      containers.close();
    } finally {
      pods.close();
    }
  }
}
