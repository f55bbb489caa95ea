package dev.tapio.enrich.internal.cgroup;

import dev.tapio.enrich.internal.proc.ProcfsReader;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Maps a cgroup id (the cgroup v2 directory inode that {@code bpf_get_current_cgroup_id} returns)
 * to its path and then to a container. The cgroup v2 tree is scanned at start-up. An id not seen
 * then (a container started since) is opened by its file handle, which names the directory even
 * after every process in it has exited (a short-lived container's events are enriched after the
 * reorder delay, when its processes may be gone); where handles are refused, the event's process's
 * {@code /proc/PID/cgroup} answers, and the tree is scanned again, off the event path and at most
 * once a second. Results are cached per id.
 */
public final class CgroupResolver {
  private static final long RESCAN_INTERVAL_NANOS = 1_000_000_000L;
  private static final int MAX_DEPTH = 16;

  private final @Nullable Path cgroup2Root;
  private final @Nullable ProcfsReader procfs;
  private final @Nullable CgroupHandles handles;
  private final Executor background;
  private final LongSupplier clock;
  private final Map<Long, String> paths = new ConcurrentHashMap<>();
  private final Map<Long, ContainerRef> refs = new ConcurrentHashMap<>();
  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicLong lastScan = new AtomicLong(Long.MIN_VALUE / 2);
  private final AtomicLong scans = new AtomicLong();

  /**
   * @param cgroup2Root where the cgroup v2 hierarchy is mounted, or null when there is none
   * @param procfs the fallback for ids not (yet) in the scanned tree, or null
   * @param background runs rescans off the event path
   */
  public CgroupResolver(
      @Nullable Path cgroup2Root,
      @Nullable ProcfsReader procfs,
      Executor background,
      LongSupplier clock) {
    this.cgroup2Root = cgroup2Root;
    this.procfs = procfs;
    this.handles = cgroup2Root == null ? null : new CgroupHandles(cgroup2Root);
    this.background = background;
    this.clock = clock;
  }

  /** The cgroup v2 mount point named in {@code mountinfo}, or null when there is none. */
  public static @Nullable Path findCgroup2Root(Path mountinfo) {
    try {
      for (String line : Files.readAllLines(mountinfo)) {
        int dash = line.indexOf(" - ");
        if (dash < 0) {
          continue;
        }
        String[] after = line.substring(dash + 3).split(" ", -1);
        String[] before = line.substring(0, dash).split(" ", -1);
        if (after.length > 0 && after[0].equals("cgroup2") && before.length > 4) {
          return Path.of(before[4].replace("\\040", " "));
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return null;
  }

  public @Nullable Path cgroup2Root() {
    return cgroup2Root;
  }

  /** Scans the whole cgroup v2 tree now, on the caller's thread. */
  public void scan() {
    if (cgroup2Root == null) {
      return;
    }
    Map<Long, String> found = new HashMap<>();
    try {
      Files.walkFileTree(
          cgroup2Root,
          EnumSet.noneOf(java.nio.file.FileVisitOption.class),
          MAX_DEPTH,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Object key = attrs.fileKey();
              long inode = inode(dir, key);
              if (inode > 0) {
                String relative = cgroup2Root.relativize(dir).toString();
                found.put(inode, "/" + relative);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // a cgroup removed while we walk
            }
          });
    } catch (IOException | RuntimeException e) {
      // keep what was found
    }
    paths.putAll(found);
    scans.incrementAndGet();
  }

  /** How many scans of the tree ran. */
  public long scans() {
    return scans.get();
  }

  /**
   * Learns the path of a cgroup as it was created (the kernel's {@code cgroup_mkdir}): its events
   * then name its container even once the cgroup is gone. A path the id is already known by stays.
   */
  public void learn(long cgroupId, String path) {
    if (cgroupId != 0 && path.startsWith("/")) {
      paths.putIfAbsent(cgroupId, path);
    }
  }

  /** The cgroup path of id {@code cgroupId}, if known, consulting {@code pid}'s procfs entry. */
  public @Nullable String path(long cgroupId, int pid) {
    String path = cgroupId == 0 ? null : paths.get(cgroupId);
    if (path != null) {
      return path;
    }
    path = handles == null ? null : handles.path(cgroupId);
    if (path != null) {
      paths.put(cgroupId, path);
      return path;
    }
    path = procfs == null || pid <= 0 ? null : procfs.cgroupPath(pid, cgroup2Root != null);
    if (path != null && cgroupId != 0 && matches(path, cgroupId)) {
      paths.put(cgroupId, path);
    } else if (cgroupId != 0) {
      rescanSoon();
      String scanned = paths.get(cgroupId); // present when the scan ran on this thread
      return scanned != null ? scanned : path;
    }
    return path;
  }

  /**
   * The container of cgroup {@code cgroupId}; {@code pid} is the event's process, read when the id
   * is not known yet. Unresolvable ids count as the host but are not cached, so a later event
   * retries.
   */
  public ContainerRef resolve(long cgroupId, int pid) {
    ContainerRef cached = cgroupId == 0 ? null : refs.get(cgroupId);
    if (cached != null) {
      return cached;
    }
    String path = path(cgroupId, pid);
    if (path == null) {
      return ContainerRef.HOST;
    }
    ContainerRef ref = CgroupPaths.parse(path);
    if (cgroupId != 0 && path.equals(paths.get(cgroupId))) {
      refs.put(cgroupId, ref);
    }
    return ref;
  }

  /** Forgets ids whose cgroup directory is gone; call now and then off the event path. */
  public void prune() {
    if (cgroup2Root == null) {
      return;
    }
    paths.entrySet().removeIf(e -> !Files.isDirectory(dir(e.getValue())));
    refs.keySet().retainAll(paths.keySet());
  }

  private boolean matches(String path, long cgroupId) {
    if (cgroup2Root == null) {
      return false;
    }
    Path dir = dir(path);
    try {
      return inode(dir, Files.readAttributes(dir, BasicFileAttributes.class).fileKey()) == cgroupId;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private Path dir(String path) {
    Path root = java.util.Objects.requireNonNull(cgroup2Root);
    return path.equals("/") ? root : root.resolve(path.substring(1));
  }

  private void rescanSoon() {
    long now = clock.getAsLong();
    long last = lastScan.get();
    if (cgroup2Root == null
        || now - last < RESCAN_INTERVAL_NANOS
        || !lastScan.compareAndSet(last, now)
        || !scanning.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            try {
              scan();
            } finally {
              scanning.set(false);
            }
          });
    } catch (RuntimeException e) {
      scanning.set(false);
    }
  }

  /** The inode number in a Unix file key, which prints as {@code (dev=...,ino=...)}. */
  private static long inode(Path dir, @Nullable Object key) {
    if (key != null) {
      String text = key.toString();
      int at = text.indexOf("ino=");
      if (at >= 0) {
        int end = at + 4;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
          end++;
        }
        try {
          return Long.parseLong(text.substring(at + 4, end));
        } catch (NumberFormatException e) {
          // fall through to the attribute view
        }
      }
    }
    try {
      return ((Number) Files.getAttribute(dir, "unix:ino")).longValue();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
