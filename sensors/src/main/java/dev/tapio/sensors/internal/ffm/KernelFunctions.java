package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kernel functions the running kernel's BTF describes: an fentry, fexit or BPF LSM program
 * can attach only to those, and their names drift between versions ({@code do_unlinkat} became
 * {@code filename_unlinkat}). Answers are remembered; the BTF is read once per new name.
 */
public final class KernelFunctions {
  private static final int KIND_FUNC = 12;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  /** Whether {@code name} is a function in {@code /sys/kernel/btf/vmlinux}. */
  public boolean has(String name) {
    return known.computeIfAbsent(name, KernelFunctions::lookUp);
  }

  private static boolean lookUp(String name) {
    if (!Libbpf1.available()) {
      return false;
    }
    MemorySegment btf = Libbpf1.btfLoadVmlinux();
    if (btf.equals(MemorySegment.NULL)) {
      return false;
    }
    try (Arena arena = Arena.ofConfined()) {
      return Libbpf1.btfFind(btf, arena.allocateFrom(name), KIND_FUNC) > 0;
    } finally {
      Libbpf1.btfFree(btf);
    }
  }
}
