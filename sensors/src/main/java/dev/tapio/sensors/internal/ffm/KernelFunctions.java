package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.OptionalInt;
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
 * <p>It also says how many parameters a function takes: an fexit program finds the return value
 * after the parameters, so a function whose prototype changed ({@code __secure_computing} lost its
 * one parameter in 7.x) needs a program per prototype, chosen by this count.
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

  private final Map<String, OptionalInt> known = new ConcurrentHashMap<>();

  /** Whether {@code name} is a function in {@code /sys/kernel/btf/vmlinux} a hook can attach to. */
  public boolean has(String name) {
    return parameters(name).isPresent();
  }

  /**
   * How many parameters the function {@code name} takes, where it is one a hook can attach to (in
   * {@code /sys/kernel/btf/vmlinux}, and a syscall's wrapper only when it takes the registers).
   */
  public OptionalInt parameters(String name) {
    return known.computeIfAbsent(name, KernelFunctions::lookUp);
  }

  /** Whether {@code name} is a syscall's wrapper, whose hooks read the user registers. */
  static boolean isSyscallWrapper(String name) {
    return name.startsWith("__x64_sys_") || name.startsWith("__arm64_sys_");
  }

  private static OptionalInt lookUp(String name) {
    if (!Libbpf1.available()) {
      return OptionalInt.empty();
    }
    MemorySegment btf = Libbpf1.btfLoadVmlinux();
    if (btf.equals(MemorySegment.NULL)) {
      return OptionalInt.empty();
    }
    try (Arena arena = Arena.ofConfined()) {
      int id = Libbpf1.btfFind(btf, arena.allocateFrom(name), KIND_FUNC);
      return id > 0 && (!isSyscallWrapper(name) || takesRegisters(btf, id))
          ? OptionalInt.of(parameters(btf, id))
          : OptionalInt.empty();
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
