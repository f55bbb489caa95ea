package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which kernel functions the running kernel's BTF describes: an fentry, fexit or BPF LSM program
 * can attach only to those, and their names drift between versions ({@code do_unlinkat} became
 * {@code filename_unlinkat}). Answers are remembered; the BTF is read once per new name.
 *
 * <p>A syscall's wrapper ({@code __x64_sys_*}, {@code __arm64_sys_*}) counts only when its BTF
 * prototype takes the user registers ({@code struct pt_regs *}), the argument the syscall hooks
 * read their arguments from: some kernels' BTF (5.10's for {@code bpf}, {@code connect}, {@code
 * sendto} and a few more) describes the wrapper with the syscall's own parameters instead, and the
 * verifier then refuses any program that reads them.
 *
 * <p>A function whose hook reads its return value at fexit counts only with the number of
 * parameters the program was written for: the return value follows the parameters in an fexit
 * program's context, and {@code __secure_computing} lost its one parameter in later kernels (7.x),
 * where the verifier refuses the program; its hook then falls back to its tracepoint.
 */
public final class KernelFunctions {
  private static final int KIND_PTR = 2;
  private static final int KIND_STRUCT = 4;
  private static final int KIND_TYPEDEF = 8;
  private static final int KIND_VOLATILE = 9;
  private static final int KIND_CONST = 10;
  private static final int KIND_RESTRICT = 11;
  private static final int KIND_FUNC = 12;
  private static final int KIND_TYPE_TAG = 18;
  private static final int TYPE_HEADER_BYTES = 12;
  private static final int PARAM_BYTES = 8;

  /** Functions hooked at fexit by a program written for this many parameters. */
  private static final Map<String, Integer> PARAMETERS = Map.of("__secure_computing", 1);

  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  /** Whether {@code name} is a function in {@code /sys/kernel/btf/vmlinux} a hook can attach to. */
  public boolean has(String name) {
    return known.computeIfAbsent(name, KernelFunctions::lookUp);
  }

  /** Whether {@code name} is a syscall's wrapper, whose hooks read the user registers. */
  static boolean isSyscallWrapper(String name) {
    return name.startsWith("__x64_sys_") || name.startsWith("__arm64_sys_");
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
      int id = Libbpf1.btfFind(btf, arena.allocateFrom(name), KIND_FUNC);
      int wanted = PARAMETERS.getOrDefault(name, -1);
      return id > 0
          && (!isSyscallWrapper(name) || takesRegisters(btf, id))
          && (wanted < 0 || parameters(btf, id) == wanted);
    } finally {
      Libbpf1.btfFree(btf);
    }
  }

  /** How many parameters the function {@code func} takes. */
  private static int parameters(MemorySegment btf, int func) {
    return header(btf, header(btf, func).get(JAVA_INT, 8)).get(JAVA_INT, 4) & 0xffff;
  }

  /** Whether the function {@code func}'s first parameter is a pointer to struct pt_regs. */
  private static boolean takesRegisters(MemorySegment btf, int func) {
    int proto = header(btf, func).get(JAVA_INT, 8);
    MemorySegment type = header(btf, proto);
    int params = type.get(JAVA_INT, 4) & 0xffff;
    if (params < 1) {
      return false;
    }
    int param =
        type.reinterpret(TYPE_HEADER_BYTES + (long) params * PARAM_BYTES)
            .get(JAVA_INT, TYPE_HEADER_BYTES + 4);
    int pointee = strip(btf, param);
    if (pointee <= 0 || kind(header(btf, pointee)) != KIND_PTR) {
      return false;
    }
    int target = strip(btf, header(btf, pointee).get(JAVA_INT, 8));
    if (target <= 0) {
      return false;
    }
    MemorySegment struct = header(btf, target);
    if (kind(struct) != KIND_STRUCT) {
      return false;
    }
    MemorySegment name = Libbpf1.btfName(btf, struct.get(JAVA_INT, 0));
    return !name.equals(MemorySegment.NULL)
        && "pt_regs".equals(name.reinterpret(4096).getString(0));
  }

  /** The type {@code id} with typedefs and qualifiers taken off. */
  private static int strip(MemorySegment btf, int id) {
    for (int hops = 0; id > 0 && hops < 16; hops++) {
      int kind = kind(header(btf, id));
      if (kind != KIND_TYPEDEF
          && kind != KIND_VOLATILE
          && kind != KIND_CONST
          && kind != KIND_RESTRICT
          && kind != KIND_TYPE_TAG) {
        return id;
      }
      id = header(btf, id).get(JAVA_INT, 8);
    }
    return id;
  }

  private static MemorySegment header(MemorySegment btf, int id) {
    return Libbpf1.btfType(btf, id).reinterpret(TYPE_HEADER_BYTES);
  }

  private static int kind(MemorySegment type) {
    return (type.get(JAVA_INT, 4) >>> 24) & 0x1f;
  }
}
