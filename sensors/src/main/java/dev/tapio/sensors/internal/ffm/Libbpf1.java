package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The libbpf 1.x functions Tapio calls, as {@code static final} method handles. Every wrapper calls
 * {@code invokeExact}; calls that report failure through errno take a capture segment first (see
 * {@link Native#captureSegment}).
 */
public final class Libbpf1 {
  /** The soname Tapio loads; Debian's package is {@code libbpf1}. */
  public static final String SONAME = "libbpf.so.1";

  static final Optional<SymbolLookup> LIB = Native.library(SONAME);

  private static MethodHandle h(String name, FunctionDescriptor desc) {
    return Native.downcall(LIB, name, desc, false);
  }

  private static MethodHandle e(String name, FunctionDescriptor desc) {
    return Native.downcall(LIB, name, desc, true);
  }

  private static final MethodHandle MAJOR =
      h("libbpf_major_version", FunctionDescriptor.of(JAVA_INT));
  private static final MethodHandle MINOR =
      h("libbpf_minor_version", FunctionDescriptor.of(JAVA_INT));
  private static final MethodHandle OPEN_MEM =
      e("bpf_object__open_mem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS));
  private static final MethodHandle LOAD =
      h("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle CLOSE =
      h("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle FIND_PROGRAM =
      h("bpf_object__find_program_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle FIND_MAP =
      h("bpf_object__find_map_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle SET_AUTOLOAD =
      h("bpf_program__set_autoload", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
  private static final MethodHandle ATTACH =
      e("bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS));
  private static final MethodHandle ATTACH_CGROUP =
      e("bpf_program__attach_cgroup", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle LINK_DESTROY =
      h("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle PROGRAM_FD =
      h("bpf_program__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle MAP_FD =
      h("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle MAP_SET_MAX_ENTRIES =
      h("bpf_map__set_max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle MAP_SET_AUTOCREATE =
      h("bpf_map__set_autocreate", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_BOOLEAN));
  private static final MethodHandle MAP_INITIAL_VALUE =
      h("bpf_map__initial_value", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
  private static final MethodHandle MAP_VALUE_SIZE =
      h("bpf_map__value_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));
  private static final MethodHandle MAP_UPDATE =
      e(
          "bpf_map_update_elem",
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
  private static final MethodHandle MAP_LOOKUP =
      e("bpf_map_lookup_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle NUM_CPUS =
      h("libbpf_num_possible_cpus", FunctionDescriptor.of(JAVA_INT));
  private static final MethodHandle PROBE_MAP_TYPE =
      h("libbpf_probe_bpf_map_type", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS));
  private static final MethodHandle OBJECT_BTF =
      h("bpf_object__btf", FunctionDescriptor.of(ADDRESS, ADDRESS));
  private static final MethodHandle BTF_FIND =
      h("btf__find_by_name_kind", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle BTF_TYPE =
      h("btf__type_by_id", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle BTF_NAME =
      h("btf__name_by_offset", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
  private static final MethodHandle BTF_RESOLVE_SIZE =
      h("btf__resolve_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT));
  private static final MethodHandle BTF_LOAD_VMLINUX =
      h("btf__load_vmlinux_btf", FunctionDescriptor.of(ADDRESS));
  private static final MethodHandle BTF_FREE = h("btf__free", FunctionDescriptor.ofVoid(ADDRESS));
  private static final MethodHandle OBJ_GET_INFO =
      h("bpf_obj_get_info_by_fd", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
  private static final MethodHandle ENABLE_STATS =
      h("bpf_enable_stats", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle SET_PRINT =
      h("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS));

  private Libbpf1() {}

  /** Whether the dynamic loader found the library. */
  public static boolean available() {
    return LIB.isPresent();
  }

  public static int majorVersion() {
    try {
      return (int) MAJOR.invokeExact();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  public static int minorVersion() {
    try {
      return (int) MINOR.invokeExact();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment openMem(MemorySegment capture, MemorySegment buf, long size) {
    try {
      return (MemorySegment) OPEN_MEM.invokeExact(capture, buf, size, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** {@code bpf_obj_get_info_by_fd}: fills {@code info} up to {@code *length}; -errno on error. */
  static int objGetInfoByFd(int fd, MemorySegment info, MemorySegment length) {
    try {
      return (int) OBJ_GET_INFO.invokeExact(fd, info, length);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /**
   * {@code bpf_enable_stats(BPF_STATS_RUN_TIME)}: the kernel counts every program's runs and run
   * time while the returned descriptor is open; -errno on error.
   */
  static int enableStats() {
    try {
      return (int) ENABLE_STATS.invokeExact(0);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int load(MemorySegment obj) {
    try {
      return (int) LOAD.invokeExact(obj);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static void close(MemorySegment obj) {
    try {
      CLOSE.invokeExact(obj);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment findProgram(MemorySegment obj, MemorySegment name) {
    try {
      return (MemorySegment) FIND_PROGRAM.invokeExact(obj, name);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment findMap(MemorySegment obj, MemorySegment name) {
    try {
      return (MemorySegment) FIND_MAP.invokeExact(obj, name);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int setAutoload(MemorySegment prog, boolean autoload) {
    try {
      return (int) SET_AUTOLOAD.invokeExact(prog, autoload);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment attach(MemorySegment capture, MemorySegment prog) {
    try {
      return (MemorySegment) ATTACH.invokeExact(capture, prog);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment attachCgroup(MemorySegment capture, MemorySegment prog, int cgroupFd) {
    try {
      return (MemorySegment) ATTACH_CGROUP.invokeExact(capture, prog, cgroupFd);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int destroyLink(MemorySegment link) {
    try {
      return (int) LINK_DESTROY.invokeExact(link);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int programFd(MemorySegment prog) {
    try {
      return (int) PROGRAM_FD.invokeExact(prog);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int mapFd(MemorySegment map) {
    try {
      return (int) MAP_FD.invokeExact(map);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int setMaxEntries(MemorySegment map, int entries) {
    try {
      return (int) MAP_SET_MAX_ENTRIES.invokeExact(map, entries);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int setAutocreate(MemorySegment map, boolean autocreate) {
    try {
      return (int) MAP_SET_AUTOCREATE.invokeExact(map, autocreate);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment initialValue(MemorySegment map, MemorySegment size) {
    try {
      return (MemorySegment) MAP_INITIAL_VALUE.invokeExact(map, size);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int valueSize(MemorySegment map) {
    try {
      return (int) MAP_VALUE_SIZE.invokeExact(map);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int mapUpdate(
      MemorySegment capture, int fd, MemorySegment key, MemorySegment value, long flags) {
    try {
      return (int) MAP_UPDATE.invokeExact(capture, fd, key, value, flags);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int mapLookup(MemorySegment capture, int fd, MemorySegment key, MemorySegment value) {
    try {
      return (int) MAP_LOOKUP.invokeExact(capture, fd, key, value);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  public static int possibleCpus() {
    try {
      return (int) NUM_CPUS.invokeExact();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** 1 when the kernel creates maps of this type, 0 when not, a negative errno on error. */
  public static int probeMapType(int mapType) {
    try {
      return (int) PROBE_MAP_TYPE.invokeExact(mapType, MemorySegment.NULL);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment objectBtf(MemorySegment obj) {
    try {
      return (MemorySegment) OBJECT_BTF.invokeExact(obj);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static int btfFind(MemorySegment btf, MemorySegment name, int kind) {
    try {
      return (int) BTF_FIND.invokeExact(btf, name, kind);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment btfType(MemorySegment btf, int id) {
    try {
      return (MemorySegment) BTF_TYPE.invokeExact(btf, id);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment btfName(MemorySegment btf, int offset) {
    try {
      return (MemorySegment) BTF_NAME.invokeExact(btf, offset);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static long btfResolveSize(MemorySegment btf, int id) {
    try {
      return (long) BTF_RESOLVE_SIZE.invokeExact(btf, id);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  /** The running kernel's BTF, or NULL; free it with {@link #btfFree}. */
  static MemorySegment btfLoadVmlinux() {
    try {
      return (MemorySegment) BTF_LOAD_VMLINUX.invokeExact();
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static void btfFree(MemorySegment btf) {
    try {
      BTF_FREE.invokeExact(btf);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }

  static MemorySegment setPrint(MemorySegment fn) {
    try {
      return (MemorySegment) SET_PRINT.invokeExact(fn);
    } catch (Throwable t) {
      throw Native.rethrow(t);
    }
  }
}
