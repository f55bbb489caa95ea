package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Struct layouts and enum values read from an object's BTF through libbpf's {@code btf__}
 * functions. Valid while the owning {@link BpfObject} is open.
 */
public final class Btf {
  private static final int KIND_STRUCT = 4;
  private static final int KIND_ENUM = 6;
  private static final int TYPE_HEADER_BYTES = 12;
  private static final int MEMBER_BYTES = 12;
  private static final int ENUMERATOR_BYTES = 8;

  /** A struct member: byte offset and size. */
  public record Member(long offset, long size) {}

  /** A struct: total size and members by name, in declaration order. */
  public record Struct(String name, long size, Map<String, Member> members) {}

  /** An enum: its enumerators' values by name, in declaration order. */
  public record Enum(String name, Map<String, Long> constants) {}

  private final MemorySegment btf;
  private final Arena arena;

  Btf(MemorySegment btf, Arena arena) {
    this.btf = btf;
    this.arena = arena;
  }

  public Optional<Struct> struct(String name) {
    int id = Libbpf1.btfFind(btf, arena.allocateFrom(name), KIND_STRUCT);
    if (id < 0) {
      return Optional.empty();
    }
    MemorySegment type = type(id, MEMBER_BYTES);
    int info = type.get(JAVA_INT, 4);
    int vlen = info & 0xffff;
    boolean bitfieldEncoding = (info >>> 31) != 0;
    long size = Integer.toUnsignedLong(type.get(JAVA_INT, 8));
    Map<String, Member> members = new LinkedHashMap<>();
    for (int i = 0; i < vlen; i++) {
      long base = TYPE_HEADER_BYTES + (long) i * MEMBER_BYTES;
      int nameOff = type.get(JAVA_INT, base);
      int memberType = type.get(JAVA_INT, base + 4);
      int bits = type.get(JAVA_INT, base + 8);
      long bitOffset = bitfieldEncoding ? (bits & 0xffffff) : Integer.toUnsignedLong(bits);
      long memberSize = Libbpf1.btfResolveSize(btf, memberType);
      members.put(name(nameOff), new Member(bitOffset / 8, Math.max(memberSize, 0)));
    }
    return Optional.of(new Struct(name, size, members));
  }

  /** The 32-bit enum {@code name} ({@code struct btf_enum}: name offset, value). */
  public Optional<Enum> enumeration(String name) {
    int id = Libbpf1.btfFind(btf, arena.allocateFrom(name), KIND_ENUM);
    if (id < 0) {
      return Optional.empty();
    }
    MemorySegment type = type(id, ENUMERATOR_BYTES);
    int info = type.get(JAVA_INT, 4);
    boolean signed = (info >>> 31) != 0;
    Map<String, Long> constants = new LinkedHashMap<>();
    for (int i = 0; i < (info & 0xffff); i++) {
      long base = TYPE_HEADER_BYTES + (long) i * ENUMERATOR_BYTES;
      int value = type.get(JAVA_INT, base + 4);
      constants.put(name(type.get(JAVA_INT, base)), signed ? value : Integer.toUnsignedLong(value));
    }
    return Optional.of(new Enum(name, constants));
  }

  /**
   * The 32-bit enum {@code name} of the running kernel ({@code /sys/kernel/btf/vmlinux}); empty
   * where the kernel has no BTF, libbpf is missing or the enum does not exist.
   */
  public static Optional<Enum> kernelEnum(String name) {
    return inKernel(btf -> btf.enumeration(name));
  }

  /**
   * The struct {@code name} of the running kernel ({@code /sys/kernel/btf/vmlinux}); empty where
   * the kernel has no BTF, libbpf is missing or the struct does not exist.
   */
  public static Optional<Struct> kernelStruct(String name) {
    return inKernel(btf -> btf.struct(name));
  }

  /** {@code lookup} in the running kernel's BTF, loaded for it and freed after; empty without. */
  private static <T> Optional<T> inKernel(java.util.function.Function<Btf, Optional<T>> lookup) {
    if (!Libbpf1.available()) {
      return Optional.empty();
    }
    MemorySegment btf = Libbpf1.btfLoadVmlinux();
    if (btf.equals(MemorySegment.NULL)) {
      return Optional.empty();
    }
    try (Arena arena = Arena.ofConfined()) {
      return lookup.apply(new Btf(btf, arena));
    } finally {
      Libbpf1.btfFree(btf);
    }
  }

  /** Type {@code id} with room for the most entries its kind can have. */
  private MemorySegment type(int id, int entryBytes) {
    return Libbpf1.btfType(btf, id).reinterpret(TYPE_HEADER_BYTES + 65535L * entryBytes);
  }

  private String name(int offset) {
    MemorySegment s = Libbpf1.btfName(btf, offset);
    return s.equals(MemorySegment.NULL) ? "" : s.reinterpret(4096).getString(0);
  }
}
