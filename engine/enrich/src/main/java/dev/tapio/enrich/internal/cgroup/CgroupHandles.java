package dev.tapio.enrich.internal.cgroup;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Finds a cgroup's directory from its id alone: the id {@code bpf_get_current_cgroup_id} returns is
 * the kernfs node id that cgroup v2 file handles carry, so {@code open_by_handle_at(2)} on the
 * cgroup2 mount opens the directory and {@code /proc/self/fd} names it. One system call per new
 * cgroup, however large the tree, and it works after every process of the cgroup has exited, where
 * {@code /proc/PID/cgroup} no longer can. Needs {@code CAP_DAC_READ_SEARCH}; without it, or on a
 * file system that is not cgroup2, {@link #path} answers null and the caller scans the tree.
 */
final class CgroupHandles {
  /** {@code FILEID_KERNFS}: a kernfs node id as a file handle's payload. */
  private static final int FILEID_KERNFS = 0xfe;

  // the mount is opened for reading (open_by_handle_at refuses an O_PATH descriptor there), the
  // cgroup itself as a path only
  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 02000000;
  private static final int O_PATH = 010000000;
  private static final int EPERM = 1;
  private static final int ENOSYS = 38;
  private static final int EOPNOTSUPP = 95;

  /** {@code struct file_handle} with an eight-byte payload. */
  private static final StructLayout FILE_HANDLE =
      java.lang.foreign.MemoryLayout.structLayout(
          JAVA_INT.withName("handle_bytes"),
          JAVA_INT.withName("handle_type"),
          JAVA_LONG.withName("f_handle"));

  private static final VarHandle HANDLE_BYTES =
      FILE_HANDLE.varHandle(
          java.lang.foreign.MemoryLayout.PathElement.groupElement("handle_bytes"));
  private static final VarHandle HANDLE_TYPE =
      FILE_HANDLE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("handle_type"));
  private static final VarHandle F_HANDLE =
      FILE_HANDLE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("f_handle"));

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
  private static final @Nullable MethodHandle OPEN =
      downcall(
          "open",
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
          Linker.Option.captureCallState("errno"),
          Linker.Option.firstVariadicArg(2));
  private static final @Nullable MethodHandle OPEN_BY_HANDLE_AT =
      downcall(
          "open_by_handle_at",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
          Linker.Option.captureCallState("errno"));
  private static final @Nullable MethodHandle CLOSE =
      downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  private final Path root;
  private final AtomicBoolean refused = new AtomicBoolean();

  /** Handles on the cgroup2 mount at {@code root}. */
  CgroupHandles(Path root) {
    this.root = root;
  }

  /**
   * The path, relative to the cgroup2 mount and starting with {@code /}, of the cgroup whose id is
   * {@code cgroupId}; null when there is no such cgroup (any more) or handles are refused here. The
   * mount is opened for each call: calls come once per cgroup the engine has not seen before.
   */
  @Nullable String path(long cgroupId) {
    MethodHandle open = OPEN;
    MethodHandle openByHandle = OPEN_BY_HANDLE_AT;
    if (cgroupId == 0 || refused.get() || open == null || openByHandle == null) {
      return null;
    }
    int mountFd = -1;
    int fd = -1;
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment capture = arena.allocate(CAPTURE);
      mountFd =
          (int)
              open.invokeExact(
                  capture, arena.allocateFrom(root.toString()), O_RDONLY | O_CLOEXEC, 0);
      if (mountFd < 0) {
        return null;
      }
      MemorySegment handle = arena.allocate(FILE_HANDLE);
      HANDLE_BYTES.set(handle, 0L, Long.BYTES);
      HANDLE_TYPE.set(handle, 0L, FILEID_KERNFS);
      F_HANDLE.set(handle, 0L, cgroupId);
      fd = (int) openByHandle.invokeExact(capture, mountFd, handle, O_PATH | O_CLOEXEC);
      if (fd < 0) {
        int errno = (int) ERRNO.get(capture, 0L);
        if (errno == EPERM || errno == ENOSYS || errno == EOPNOTSUPP) {
          refused.set(true); // no CAP_DAC_READ_SEARCH, or no handles on this mount: stop asking
        }
        return null;
      }
      Path dir = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
      if (!dir.startsWith(root)) {
        return null; // outside the mount this process sees (another cgroup namespace's root)
      }
      return "/" + root.relativize(dir);
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (Throwable t) {
      refused.set(true); // the downcall itself failed: do not try again
      return null;
    } finally {
      close(fd);
      close(mountFd);
    }
  }

  /** Whether handles were refused here (no capability, or not a cgroup2 mount). */
  boolean refused() {
    return refused.get();
  }

  private static void close(int fd) {
    MethodHandle close = CLOSE;
    if (fd < 0 || close == null) {
      return;
    }
    try {
      int ignored = (int) close.invokeExact(fd);
    } catch (Throwable t) {
      // nothing to do: the descriptor is gone either way
    }
  }

  private static @Nullable MethodHandle downcall(
      String name, FunctionDescriptor descriptor, Linker.Option... options) {
    try {
      return LINKER
          .defaultLookup()
          .find(name)
          .map(symbol -> LINKER.downcallHandle(symbol, descriptor, options))
          .orElse(null);
    } catch (RuntimeException e) {
      return null; // no native access granted: the tree scan alone
    }
  }
}
