package dev.tapio.enrich;

import dev.tapio.enrich.internal.cgroup.CgroupResolver;
import dev.tapio.enrich.internal.proc.ProcessTable;
import dev.tapio.enrich.internal.proc.ProcfsReader;
import dev.tapio.enrich.internal.proc.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Settings of an {@link Enricher}. The defaults suit Tapio running on the host: procfs at {@code
 * /proc}, user names from {@code /etc}, the cgroup v2 mount found in the mount table, no container
 * runtime and no Kubernetes. In a container, point the roots at the host's mounts.
 */
public final class EnricherBuilder {
  private @Nullable Path procRoot = Path.of("/proc");
  private Path etcRoot = Path.of("/etc");
  private @Nullable Path cgroup2Root;
  private HostRoot hostRoot = HostRoot.HOST;
  private boolean findCgroup2 = true;
  private @Nullable String hostname;
  private ProcessTableLimits limits = ProcessTableLimits.DEFAULT;
  private ContainerMetadataSource containers = ContainerMetadataSource.noop();
  private PodMetadataSource pods = PodMetadataSource.noop();
  private boolean seed = true;
  private LongSupplier clock = System::nanoTime;

  EnricherBuilder() {}

  /**
   * Reads the host's procfs, user and group files and cgroup v2 tree under {@code root} (see {@link
   * HostRoot}); a later {@link #procRoot}, {@link #etcRoot} or {@link #cgroup2Root} overrides one.
   */
  public EnricherBuilder hostRoot(HostRoot root) {
    this.hostRoot = Objects.requireNonNull(root, "root");
    this.procRoot = root.proc();
    this.etcRoot = root.etc();
    this.findCgroup2 = true;
    return this;
  }

  /** The procfs to seed from and to fill misses with; null to use events only (replays). */
  public EnricherBuilder procRoot(@Nullable Path procRoot) {
    this.procRoot = procRoot;
    return this;
  }

  /** The directory holding the host's {@code passwd} and {@code group}. */
  public EnricherBuilder etcRoot(Path etcRoot) {
    this.etcRoot = Objects.requireNonNull(etcRoot, "etcRoot");
    return this;
  }

  /** The cgroup v2 mount point; null for none. Default: the one procfs's mount table names. */
  public EnricherBuilder cgroup2Root(@Nullable Path cgroup2Root) {
    this.cgroup2Root = cgroup2Root;
    this.findCgroup2 = false;
    return this;
  }

  /** The node's host name. Default: the kernel's ({@code /proc/sys/kernel/hostname}). */
  public EnricherBuilder hostname(String hostname) {
    if (hostname.isBlank()) {
      throw new IllegalArgumentException("hostname must not be blank");
    }
    this.hostname = hostname;
    return this;
  }

  public EnricherBuilder limits(ProcessTableLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** Where container details come from. The enricher closes it. */
  public EnricherBuilder containers(ContainerMetadataSource containers) {
    this.containers = Objects.requireNonNull(containers, "containers");
    return this;
  }

  /** Where pod details come from. The enricher closes it. */
  public EnricherBuilder pods(PodMetadataSource pods) {
    this.pods = Objects.requireNonNull(pods, "pods");
    return this;
  }

  /** Whether to load every running process from procfs at start (default true). */
  public EnricherBuilder seedFromProcfs(boolean seed) {
    this.seed = seed;
    return this;
  }

  /** Monotonic nanoseconds, for exit linger times. For tests. */
  public EnricherBuilder clock(LongSupplier clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  public Enricher build() {
    ProcfsReader procfs =
        procRoot != null && Files.isDirectory(procRoot) ? new ProcfsReader(procRoot) : null;
    UserDirectory users = new UserDirectory(etcRoot, clock);
    ProcessTable table = new ProcessTable(limits, procfs, users, clock);
    if (seed) {
      table.seed();
    }
    Path root = cgroup2Root;
    if (findCgroup2 && !hostRoot.isHost()) {
      root = hostRoot.cgroup2();
    } else if (findCgroup2 && procRoot != null) {
      root = CgroupResolver.findCgroup2Root(procRoot.resolve("self/mountinfo"));
    }
    ScheduledExecutorService background =
        Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().daemon().name("tapio-enrich-cgroups").unstarted(task));
    CgroupResolver cgroups = new CgroupResolver(root, procfs, background, clock);
    cgroups.scan();
    var _ = background.scheduleWithFixedDelay(cgroups::prune, 60, 60, TimeUnit.SECONDS);
    return new Enricher(
        table,
        cgroups,
        containers,
        pods,
        hostname != null ? hostname : kernelHostname(procRoot),
        procfs == null ? null : processSources(),
        (ExecutorService) background);
  }

  /** How the process table is fed; under a host root, where procfs and the user files are. */
  private String processSources() {
    return hostRoot.isHost()
        ? "procfs + exec/fork/exit events"
        : "procfs at " + procRoot + " + exec/fork/exit events; users from " + etcRoot;
  }

  private static String kernelHostname(@Nullable Path procRoot) {
    if (procRoot != null) {
      try {
        String name = Files.readString(procRoot.resolve("sys/kernel/hostname")).trim();
        if (!name.isEmpty()) {
          return name;
        }
      } catch (IOException | RuntimeException e) {
        // fall through
      }
    }
    return "localhost";
  }
}
