package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * One opened (and later loaded) BPF object file. Owns the native copy of the ELF image, which
 * libbpf reads until the object is loaded, and everything allocated for calls on it; {@link #close}
 * frees the object, its programs and maps. Links made by {@link #attach} are separate and must be
 * closed first.
 */
public final class BpfObject implements AutoCloseable {
  private final Arena arena = Arena.ofShared();
  private final String name;
  private MemorySegment obj = MemorySegment.NULL;

  private BpfObject(String name) {
    this.name = name;
  }

  /** Opens an object from its ELF bytes (e.g. a jar resource). Nothing is loaded yet. */
  public static BpfObject open(String name, byte[] elf) throws BpfException {
    if (!Libbpf1.available()) {
      throw new BpfException(
          "open " + name + ": " + dev.tapio.sensors.Libbpf.NOT_FOUND, Errno.ENOENT);
    }
    LibbpfLog.install();
    BpfObject o = new BpfObject(name);
    MemorySegment image = o.arena.allocate(elf.length, 8);
    MemorySegment.copy(elf, 0, image, JAVA_BYTE, 0, elf.length);
    MemorySegment capture = Native.captureSegment(o.arena);
    MemorySegment handle = Libbpf1.openMem(capture, image, elf.length);
    if (handle.equals(MemorySegment.NULL)) {
      int errno = Native.errno(capture);
      o.arena.close();
      throw new BpfException("open " + name, errno);
    }
    o.obj = handle;
    return o;
  }

  public String name() {
    return name;
  }

  private MemorySegment cstr(String s) {
    return arena.allocateFrom(s);
  }

  private MemorySegment program(String program) throws BpfException {
    MemorySegment p = Libbpf1.findProgram(obj, cstr(program));
    if (p.equals(MemorySegment.NULL)) {
      throw new BpfException("find program " + program + " in " + name, Errno.ENOENT);
    }
    return p;
  }

  private MemorySegment map(String map) throws BpfException {
    MemorySegment m = Libbpf1.findMap(obj, cstr(map));
    if (m.equals(MemorySegment.NULL)) {
      throw new BpfException("find map " + map + " in " + name, Errno.ENOENT);
    }
    return m;
  }

  public boolean hasMap(String map) {
    return !Libbpf1.findMap(obj, cstr(map)).equals(MemorySegment.NULL);
  }

  public boolean hasProgram(String program) {
    return !Libbpf1.findProgram(obj, cstr(program)).equals(MemorySegment.NULL);
  }

  /** Whether {@link #load} loads this program; set before loading. */
  public void setAutoload(String program, boolean autoload) throws BpfException {
    int rc = Libbpf1.setAutoload(program(program), autoload);
    if (rc < 0) {
      throw new BpfException("set autoload of " + program, rc);
    }
  }

  public void setMaxEntries(String map, int entries) throws BpfException {
    int rc = Libbpf1.setMaxEntries(map(map), entries);
    if (rc < 0) {
      throw new BpfException("resize " + map + " to " + entries, rc);
    }
  }

  /** Whether {@link #load} creates this map (programs must not reach it when it does not). */
  public void setAutocreate(String map, boolean autocreate) throws BpfException {
    int rc = Libbpf1.setAutocreate(map(map), autocreate);
    if (rc < 0) {
      throw new BpfException("set autocreate of " + map, rc);
    }
  }

  /**
   * Sets a u32 of a read-only data section ({@code .rodata...}) before loading, so the verifier
   * sees it as a constant.
   */
  public void setConstant(String section, long offset, int value) throws BpfException {
    MemorySegment size = arena.allocate(JAVA_LONG);
    MemorySegment data = Libbpf1.initialValue(map(section), size);
    if (data.equals(MemorySegment.NULL) || size.get(JAVA_LONG, 0) < offset + 4) {
      throw new BpfException("set constant in " + section, Errno.ENOENT);
    }
    data.reinterpret(offset + 4).set(JAVA_INT, offset, value);
  }

  /** The descriptor of a loaded program, e.g. for a slot of a program array. */
  public int programFd(String program) throws BpfException {
    int fd = Libbpf1.programFd(program(program));
    if (fd < 0) {
      throw new BpfException("find loaded program " + program + " in " + name, fd);
    }
    return fd;
  }

  /** Writes a u32 value at a u32 key of a map (e.g. a perf event array slot). */
  public void updateU32(String map, int key, int value) throws BpfException {
    try (Arena call = Arena.ofConfined()) {
      MemorySegment capture = Native.captureSegment(call);
      if (Libbpf1.mapUpdate(
              capture,
              mapFd(map),
              call.allocateFrom(JAVA_INT, key),
              call.allocateFrom(JAVA_INT, value),
              0)
          < 0) {
        throw new BpfException("update " + map, Native.errno(capture));
      }
    }
  }

  /** Creates the maps and loads the programs marked autoload into the kernel. */
  public void load() throws BpfException {
    LibbpfLog.clear();
    int rc = Libbpf1.load(obj);
    if (rc < 0) {
      throw new BpfException("load " + name, rc, LibbpfLog.lines());
    }
  }

  /** Attaches a loaded program where its section name says (tracepoint, tp_btf, kprobe...). */
  public BpfLink attach(String program) throws BpfException {
    MemorySegment capture = Native.captureSegment(arena);
    LibbpfLog.clear();
    MemorySegment link = Libbpf1.attach(capture, program(program));
    if (link.equals(MemorySegment.NULL)) {
      throw new BpfException("attach " + program, Native.errno(capture), LibbpfLog.lines());
    }
    return new BpfLink(link, program);
  }

  /** Attaches a loaded cgroup program to the cgroup directory open as {@code cgroupFd}. */
  public BpfLink attachCgroup(String program, int cgroupFd) throws BpfException {
    MemorySegment capture = Native.captureSegment(arena);
    MemorySegment link = Libbpf1.attachCgroup(capture, program(program), cgroupFd);
    if (link.equals(MemorySegment.NULL)) {
      throw new BpfException("attach " + program, Native.errno(capture));
    }
    return new BpfLink(link, program);
  }

  public int mapFd(String map) throws BpfException {
    int fd = Libbpf1.mapFd(map(map));
    if (fd < 0) {
      throw new BpfException("fd of " + map, fd);
    }
    return fd;
  }

  /** Writes {@code value} at {@code key} of any map (both as raw bytes of the map's sizes). */
  public void update(String map, byte[] key, byte[] value) throws BpfException {
    try (Arena call = Arena.ofConfined()) {
      MemorySegment k = call.allocate(Math.max(1, key.length), 8);
      k.copyFrom(MemorySegment.ofArray(key));
      MemorySegment v = call.allocate(Math.max(1, value.length), 8);
      v.copyFrom(MemorySegment.ofArray(value));
      MemorySegment capture = Native.captureSegment(call);
      if (Libbpf1.mapUpdate(capture, mapFd(map), k, v, 0) < 0) {
        throw new BpfException("update " + map, Native.errno(capture));
      }
    }
  }

  /** Writes {@code value} at index {@code key} of an array map. */
  public void updateArray(String map, int key, Consumer<MemorySegment> value) throws BpfException {
    int size = Libbpf1.valueSize(map(map));
    try (Arena call = Arena.ofConfined()) {
      MemorySegment k = call.allocateFrom(JAVA_INT, key);
      MemorySegment v = call.allocate(size, 8);
      value.accept(v);
      MemorySegment capture = Native.captureSegment(call);
      if (Libbpf1.mapUpdate(capture, mapFd(map), k, v, 0) < 0) {
        throw new BpfException("update " + map, Native.errno(capture));
      }
    }
  }

  /**
   * Reads index {@code key} of a per-CPU array whose values are u64 words: {@code
   * result[cpu][word]}.
   */
  public long[][] lookupPerCpu(String map, int key) throws BpfException {
    int size = Libbpf1.valueSize(map(map));
    int stride = (size + 7) & ~7;
    int cpus = Libbpf1.possibleCpus();
    try (Arena call = Arena.ofConfined()) {
      MemorySegment k = call.allocateFrom(JAVA_INT, key);
      MemorySegment v = call.allocate((long) stride * cpus, 8);
      MemorySegment capture = Native.captureSegment(call);
      if (Libbpf1.mapLookup(capture, mapFd(map), k, v) < 0) {
        throw new BpfException("lookup " + map, Native.errno(capture));
      }
      long[][] out = new long[cpus][size / 8];
      for (int cpu = 0; cpu < cpus; cpu++) {
        for (int w = 0; w < size / 8; w++) {
          out[cpu][w] = v.get(JAVA_LONG, (long) cpu * stride + w * 8L);
        }
      }
      return out;
    }
  }

  /** The object's own BTF (types of its records), for checking decoders against it. */
  public Btf btf() throws BpfException {
    MemorySegment btf = Libbpf1.objectBtf(obj);
    if (btf.equals(MemorySegment.NULL)) {
      throw new BpfException("BTF of " + name, Errno.ENOENT);
    }
    return new Btf(btf, arena);
  }

  @Override
  public synchronized void close() {
    if (!obj.equals(MemorySegment.NULL)) {
      Libbpf1.close(obj);
      obj = MemorySegment.NULL;
      arena.close();
    }
  }
}
