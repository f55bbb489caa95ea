package dev.tapio.app;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The C library's malloc, told to map blocks of {@link #MAP_THRESHOLD} or more on their own. glibc
 * otherwise raises that threshold as large blocks are freed, and then keeps them inside its arenas:
 * libbpf parses the kernel's BTF (~5 MiB here, ~10 MiB parsed) for every object it loads and frees
 * it after the load, and those freed megabytes stayed resident for the engine's whole life (~10 MiB
 * of RSS with the bundled rules). Mapped on their own, they go back to the kernel when freed.
 */
final class NativeHeap {

  /** glibc's {@code M_MMAP_THRESHOLD}. */
  private static final int M_MMAP_THRESHOLD = -3;

  /** glibc's default before it starts raising it. */
  static final int MAP_THRESHOLD = 128 * 1024;

  private static final Optional<MethodHandle> MALLOPT =
      Linker.nativeLinker()
          .defaultLookup()
          .find("mallopt")
          .map(
              (MemorySegment f) ->
                  Linker.nativeLinker()
                      .downcallHandle(f, FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT)));

  private NativeHeap() {}

  /**
   * Fixes the threshold at {@link #MAP_THRESHOLD}; false where the C library has no {@code mallopt}
   * or refuses it (musl has one that does nothing).
   */
  static boolean mapLargeBlocks() {
    if (MALLOPT.isEmpty()) {
      return false;
    }
    try {
      return (int) MALLOPT.get().invokeExact(M_MMAP_THRESHOLD, MAP_THRESHOLD) == 1;
    } catch (Throwable e) {
      return false;
    }
  }
}
