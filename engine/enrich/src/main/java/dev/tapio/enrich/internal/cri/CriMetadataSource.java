package dev.tapio.enrich.internal.cri;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.PodInfo;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.enrich.ContainerMetadata;
import dev.tapio.enrich.ContainerMetadataSource;
import dev.tapio.enrich.CriSettings;
import dev.tapio.enrich.internal.cri.v1.ContainerStatusResponse;
import dev.tapio.enrich.internal.cri.v1.PodSandboxStatus;
import dev.tapio.enrich.internal.cri.v1.VersionResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Container metadata from the runtime over CRI, cached. {@link #lookup} only reads the cache: a
 * container seen for the first time is queued for one worker thread that asks the runtime, and
 * later lookups see the answer. A queue that is full drops the request (the next event asks again).
 * A runtime that is missing, slow or restarting makes lookups return null, never wait: calls have a
 * deadline, failures are retried with backoff, and the status line says what is wrong.
 */
public final class CriMetadataSource implements ContainerMetadataSource {
  static final String NO_SOCKET = "no container runtime socket found (tried %s)";
  static final String UNREACHABLE = "runtime at %s not answering: %s";
  static final String CONNECTING = "looking for the container runtime";
  private static final long FIRST_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long NOT_FOUND_RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final int QUEUE = 1024;

  /** What the cache knows about one container. */
  private sealed interface Slot {}

  private record Pending() implements Slot {}

  private record Known(ContainerMetadata metadata) implements Slot {}

  private record Absent(long retryAt, long backoff) implements Slot {}

  private static final Pending PENDING = new Pending();

  private final CriSettings settings;
  private final LongSupplier clock;
  private final Map<String, Slot> containers = new ConcurrentHashMap<>();
  private final Map<String, PodInfo> sandboxes = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor worker;
  private volatile @Nullable CriClient client;
  private volatile @Nullable VersionResponse version;
  private volatile @Nullable String failure;

  private CriMetadataSource(CriSettings settings, LongSupplier clock) {
    this.settings = settings;
    this.clock = clock;
    this.worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            task -> Thread.ofPlatform().daemon().name("tapio-cri").unstarted(task));
  }

  /** Starts the source; the runtime is looked for and asked for its version in the background. */
  public static CriMetadataSource start(CriSettings settings) {
    return start(settings, System::nanoTime);
  }

  static CriMetadataSource start(CriSettings settings, LongSupplier clock) {
    CriMetadataSource source = new CriMetadataSource(settings, clock);
    source.submit(source::connect);
    return source;
  }

  /** The socket to use: the configured one, else the first well-known one that exists. */
  static @Nullable Path detect(CriSettings settings) {
    return settings.findSocket();
  }

  @Override
  public String name() {
    return "cri";
  }

  @Override
  public @Nullable ContainerMetadata lookup(String containerId) {
    Slot slot = containers.get(containerId);
    if (slot instanceof Known known) {
      return known.metadata();
    }
    if (slot == null
        || (slot instanceof Absent absent && clock.getAsLong() - absent.retryAt() >= 0)) {
      boolean claimed =
          slot == null
              ? containers.putIfAbsent(containerId, PENDING) == null
              : containers.replace(containerId, slot, PENDING);
      if (claimed && !submit(() -> fetch(containerId, slot))) {
        containers.remove(containerId, PENDING); // queue full: the next event asks again
      }
    }
    return null;
  }

  @Override
  public SourceStatus status() {
    CriClient current = client;
    VersionResponse known = version;
    String problem = failure;
    if (current == null) {
      return problem != null
          ? SourceStatus.unavailable(problem)
          : SourceStatus.unavailable(CONNECTING);
    }
    String mechanism =
        known == null
            ? "cri at " + current.socket()
            : "cri "
                + known.getRuntimeName()
                + " "
                + known.getRuntimeVersion()
                + " at "
                + current.socket();
    if (problem != null) {
      return SourceStatus.unavailable(UNREACHABLE.formatted(current.socket(), problem));
    }
    return SourceStatus.enabled(mechanism);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    CriClient current = client;
    if (current != null) {
      current.close();
    }
  }

  private boolean submit(Runnable task) {
    try {
      worker.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Finds the socket and asks the runtime's version. Worker thread only. */
  private @Nullable CriClient connect() {
    CriClient current = client;
    if (current != null) {
      return current;
    }
    Path socket = detect(settings);
    if (socket == null) {
      failure =
          NO_SOCKET.formatted(
              settings.socketCandidates().stream()
                  .map(Path::toString)
                  .collect(Collectors.joining(", ")));
      return null;
    }
    try {
      current = new CriClient(socket, settings.callTimeout());
    } catch (RuntimeException e) {
      failure = UNREACHABLE.formatted(socket, e);
      return null;
    }
    client = current;
    try {
      version = current.version();
      failure = null;
    } catch (StatusRuntimeException e) {
      failure = describe(e);
    }
    return current;
  }

  /** Asks the runtime about one container. Worker thread only. */
  private void fetch(String containerId, @Nullable Slot previous) {
    try {
      ask(containerId, previous);
    } catch (RuntimeException e) {
      // an answer this client cannot read must not leave the container pending for ever
      failure = e.toString();
      retryLater(containerId, previous);
    }
  }

  private void ask(String containerId, @Nullable Slot previous) {
    CriClient current = connect();
    if (current == null) {
      retryLater(containerId, previous);
      return;
    }
    if (failure != null) {
      current.resetBackoff();
    }
    try {
      if (version == null) {
        version = current.version();
      }
      ContainerStatusResponse response = current.containerStatus(containerId, true);
      CriMetadata.Extra extra = CriMetadata.extra(response.getInfoMap());
      ContainerInfo container = CriMetadata.container(response, runtimeName(), extra);
      PodInfo pod = extra.sandboxId().isEmpty() ? null : sandbox(current, extra.sandboxId());
      if (pod == null) {
        pod = CriMetadata.podFromLabels(container.labels());
      }
      failure = null;
      store(containerId, new Known(new ContainerMetadata(container, pod, extra.pid())));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        failure = null;
        fetchSandbox(current, containerId);
      } else {
        failure = describe(e);
        retryLater(containerId, previous);
      }
    }
  }

  /** A pod's sandbox (pause) container is not a container to CRI: describe it by its pod. */
  private void fetchSandbox(CriClient current, String id) {
    try {
      PodSandboxStatus sandbox = current.podSandboxStatus(id, false).getStatus();
      PodInfo pod = CriMetadata.pod(sandbox);
      sandboxes.put(id, pod);
      ContainerInfo container =
          new ContainerInfo(
              id,
              "",
              "",
              "",
              "",
              "",
              runtimeName(),
              false,
              List.of(),
              sandbox.getLabelsMap(),
              sandbox.getCreatedAt());
      store(id, new Known(new ContainerMetadata(container, pod, 0)));
    } catch (StatusRuntimeException e) {
      store(id, new Absent(clock.getAsLong() + NOT_FOUND_RETRY_NANOS, NOT_FOUND_RETRY_NANOS));
    }
  }

  private @Nullable PodInfo sandbox(CriClient current, String sandboxId) {
    PodInfo known = sandboxes.get(sandboxId);
    if (known != null) {
      return known;
    }
    try {
      PodInfo pod = CriMetadata.pod(current.podSandboxStatus(sandboxId, false).getStatus());
      if (sandboxes.size() >= settings.maxContainers()) {
        sandboxes.clear();
      }
      sandboxes.put(sandboxId, pod);
      return pod;
    } catch (StatusRuntimeException e) {
      return null;
    }
  }

  private void retryLater(String containerId, @Nullable Slot previous) {
    long backoff =
        previous instanceof Absent absent
            ? Math.min(MAX_RETRY_NANOS, absent.backoff() * 2)
            : FIRST_RETRY_NANOS;
    store(containerId, new Absent(clock.getAsLong() + backoff, backoff));
  }

  private void store(String containerId, Slot slot) {
    containers.put(containerId, slot);
    if (containers.size() > settings.maxContainers()) {
      evict();
    }
  }

  /** Makes room: containers the runtime did not know first, then any, down to 7/8 of the bound. */
  private void evict() {
    int target = settings.maxContainers() - settings.maxContainers() / 8;
    containers.values().removeIf(slot -> slot instanceof Absent);
    Iterator<Map.Entry<String, Slot>> it = containers.entrySet().iterator();
    while (containers.size() > target && it.hasNext()) {
      if (it.next().getValue() instanceof Known) {
        it.remove();
      }
    }
  }

  private String runtimeName() {
    VersionResponse known = version;
    if (known == null) {
      return "";
    }
    return known.getRuntimeName().toLowerCase(java.util.Locale.ROOT);
  }

  private static String describe(StatusRuntimeException e) {
    Status status = e.getStatus();
    String description = status.getDescription();
    return status.getCode() + (description == null ? "" : " (" + description + ")");
  }
}
