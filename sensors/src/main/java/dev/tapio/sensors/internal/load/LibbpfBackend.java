package dev.tapio.sensors.internal.load;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.tapio.sensors.SensorConfig;
import dev.tapio.sensors.internal.abi.Abi;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import dev.tapio.sensors.internal.abi.AbiCheck;
import dev.tapio.sensors.internal.decode.ActiveLsms;
import dev.tapio.sensors.internal.decode.DropReasons;
import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.KernelFunctions;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.ffm.PerfReader;
import dev.tapio.sensors.internal.ffm.ProgramInfo;
import dev.tapio.sensors.internal.ffm.RecordSource;
import dev.tapio.sensors.internal.ffm.RingReader;
import dev.tapio.sensors.internal.spec.Attachment;
import dev.tapio.sensors.internal.spec.MapSpec.Role;
import dev.tapio.sensors.internal.spec.ProgramSpec;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import dev.tapio.sensors.internal.spec.SensorSpec;
import dev.tapio.sensors.internal.spec.TailCall;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/** Loads sensor objects from the jar's resources through libbpf. */
public final class LibbpfBackend implements Backend {
  private final SensorConfig config;
  private final int ringBytes;
  private final KernelFunctions functions = new KernelFunctions();

  public LibbpfBackend(SensorConfig config) {
    this.config = config;
    this.ringBytes = config.ringBufferBytes();
  }

  @Override
  public java.util.OptionalInt functionParameters(String name) {
    return functions.parameters(name);
  }

  /** The object file of a sensor, from the jar. */
  public static byte[] objectBytes(String resource) {
    try (InputStream in = LibbpfBackend.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("BPF object missing from the jar: " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Loaded load(SensorSpec spec, Set<String> programs, Set<String> hooks, Transport transport)
      throws BpfException {
    BpfObject obj = BpfObject.open(spec.name(), objectBytes(spec.resource()));
    try {
      checkAbi(obj);
      for (var map : spec.maps()) {
        if (!obj.hasMap(map.name())) {
          throw new AbiMismatchException("map " + map.name() + " is not in " + spec.object());
        }
      }
      for (ProgramSpec p : spec.programs()) {
        for (Attachment a : p.ladder()) {
          for (String program : a.programs()) {
            obj.setAutoload(program, programs.contains(program));
          }
        }
      }
      for (TailCall slot : spec.tailCalls()) {
        obj.setAutoload(slot.program(), slot.neededBy(programs));
      }
      boolean perf = transport == Transport.PERF_BUFFER;
      obj.setConstant(spec.map(Role.CONSTANTS), Abi.Constants.USE_PERF, perf ? 1 : 0);
      obj.setConstant(
          spec.map(Role.CONSTANTS),
          Abi.Constants.OPEN_SYSCALLS,
          SensorCatalog.openSyscallsAtFunction(programs, hooks));
      obj.setAutocreate(spec.map(Role.RING_BUFFER), !perf);
      obj.setAutocreate(spec.map(Role.PERF_BUFFER), perf);
      if (!perf) {
        obj.setMaxEntries(spec.map(Role.RING_BUFFER), spec.ringBytes(ringBytes));
      }
      obj.load();
      for (TailCall slot : spec.tailCalls()) {
        if (slot.neededBy(programs)) {
          obj.updateU32(slot.map(), slot.slot(), obj.programFd(slot.program()));
        }
      }
      obj.updateArray(
          spec.map(Role.CONFIG),
          0,
          v -> {
            v.set(JAVA_INT, Abi.Config.SELF_TGID, config.selfPid());
            // without AppArmor or SELinux, only Landlock-marked tasks' refusals can be an LSM's
            v.set(
                JAVA_INT,
                Abi.Config.FLAGS,
                ActiveLsms.host().blamesUnmarked() ? Abi.ConfigFlags.ALL_DENIALS.value() : 0);
            v.set(JAVA_LONG, Abi.Config.CGROUP_RATE, config.cgroupRate());
            v.set(JAVA_LONG, Abi.Config.CGROUP_BURST, config.cgroupBurst());
          });
      if (spec.has(Role.FILTER_TYPES)) {
        writeFilter(obj, spec, FilterMaps.of(config.kernelFilter()));
      }
      if (spec.has(Role.DROP_REASONS)) {
        for (int reason : DropReasons.host().wanted()) {
          obj.updateArray(spec.map(Role.DROP_REASONS), reason, v -> v.set(JAVA_INT, 0, 1));
        }
      }
      Set<String> loaded = new java.util.LinkedHashSet<>(programs);
      for (TailCall slot : spec.tailCalls()) {
        if (slot.neededBy(programs)) {
          loaded.add(slot.program());
        }
      }
      return new LoadedObject(obj, spec, transport, spec.ringBytes(ringBytes), Set.copyOf(loaded));
    } catch (BpfException | RuntimeException e) {
      obj.close();
      throw e;
    }
  }

  /**
   * Fills the kernel filter's maps: trie entries first, then the slots that switch them on, so a
   * program never sees an active slot with half its entries.
   */
  static void writeFilter(BpfObject obj, SensorSpec spec, FilterMaps maps) throws BpfException {
    for (FilterMaps.Entry e : maps.prefixes()) {
      obj.update(spec.map(Role.FILTER_PREFIXES), trieKey(e), trieValue(e));
    }
    for (FilterMaps.Entry e : maps.suffixes()) {
      obj.update(spec.map(Role.FILTER_SUFFIXES), trieKey(e), trieValue(e));
    }
    for (FilterMaps.Slot s : maps.slots()) {
      obj.updateArray(
          spec.map(Role.FILTER_TYPES),
          s.slot(),
          v -> {
            v.set(JAVA_INT, Abi.FilterType.ACTIVE, 1);
            v.set(JAVA_INT, Abi.FilterType.MODES, s.modes());
            v.set(JAVA_INT, Abi.FilterType.SUCCESS_ONLY, s.successOnly() ? 1 : 0);
          });
    }
  }

  private static byte[] trieKey(FilterMaps.Entry e) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(Abi.FilterKey.SIZEOF).order(java.nio.ByteOrder.nativeOrder());
    b.putInt(Abi.FilterKey.PREFIXLEN, e.prefixBits());
    b.put(Abi.FilterKey.DATA, e.key());
    return b.array();
  }

  private static byte[] trieValue(FilterMaps.Entry e) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(Abi.FilterEntry.SIZEOF)
            .order(java.nio.ByteOrder.nativeOrder());
    b.putInt(Abi.FilterEntry.MODES, e.modes());
    b.putInt(Abi.FilterEntry.SUCCESS_ONLY, e.successOnly() ? 1 : 0);
    return b.array();
  }

  /**
   * Fails when the object's BTF differs from the ABI Java was generated from (every sensor object
   * carries the whole ABI: {@code lib/maps.h} names {@code union tapio_abi}).
   */
  static void checkAbi(BpfObject obj) throws BpfException {
    List<String> diffs = AbiCheck.differences(obj.btf());
    if (!diffs.isEmpty()) {
      throw new AbiMismatchException(String.join("; ", diffs));
    }
  }

  private record LoadedObject(
      BpfObject obj, SensorSpec spec, Transport transport, int ringBytes, Set<String> programs)
      implements Loaded {
    @Override
    public AutoCloseable attach(String program) throws BpfException {
      return obj.attach(program);
    }

    @Override
    public RecordSource openSource() throws BpfException {
      if (transport == Transport.PERF_BUFFER) {
        long perCpu = Math.max(4096, ringBytes / Math.max(1, Libbpf1.possibleCpus()));
        return new PerfReader(obj, spec.map(Role.PERF_BUFFER), perCpu);
      }
      return new RingReader(obj.mapFd(spec.map(Role.RING_BUFFER)), ringBytes);
    }

    @Override
    public long[] drops() throws BpfException {
      return perKind(spec.map(Role.DROPS));
    }

    @Override
    public java.util.Map<String, ProgramInfo.Counts> programCounts() throws BpfException {
      java.util.Map<String, ProgramInfo.Counts> out = new java.util.TreeMap<>();
      for (String program : programs) {
        out.put(program, ProgramInfo.of(obj.programFd(program)));
      }
      return out;
    }

    @Override
    public long[] throttled() throws BpfException {
      return perKind(spec.map(Role.THROTTLED));
    }

    @Override
    public long[] filtered() throws BpfException {
      return spec.has(Role.FILTERED) ? perKind(spec.map(Role.FILTERED)) : new long[0];
    }

    @Override
    public void disableFilter() throws BpfException {
      if (!spec.has(Role.FILTER_TYPES)) {
        return;
      }
      for (OpenSyscall syscall : OpenSyscall.values()) {
        obj.updateArray(
            spec.map(Role.FILTER_TYPES),
            syscall.value(),
            v -> v.set(JAVA_INT, Abi.FilterType.ACTIVE, 0));
      }
    }

    private long[] perKind(String map) throws BpfException {
      long[] sum = new long[Abi.Limit.KINDS.value()];
      for (EventKind kind : EventKind.values()) {
        for (long[] cpu : obj.lookupPerCpu(map, kind.value())) {
          sum[kind.value()] += cpu[0];
        }
      }
      return sum;
    }

    @Override
    public long[] fill() throws BpfException {
      if (transport == Transport.PERF_BUFFER) {
        return new long[2];
      }
      long[] out = new long[2];
      for (long[] cpu : obj.lookupPerCpu(spec.map(Role.FILL), 0)) {
        out[0] = Math.max(out[0], cpu[0]);
        out[1] = Math.max(out[1], cpu[1]);
      }
      return out;
    }

    @Override
    public void close() {
      obj.close();
    }
  }
}
