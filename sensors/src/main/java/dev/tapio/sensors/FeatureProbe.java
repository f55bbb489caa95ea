package dev.tapio.sensors;

import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.BpfLink;
import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.DirFd;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.ffm.TraceFs;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds out what the running kernel allows by really doing it: each program kind is loaded and
 * attached (then detached at once) from {@code probes.bpf.o}, map kinds are created. This is the
 * only place that decides what the kernel supports; sensors choose their mechanisms from the
 * result.
 */
public final class FeatureProbe {
  static final String NO_VMLINUX_BTF = "/sys/kernel/btf/vmlinux not readable";
  static final String NO_TRACEFS = "tracefs not mounted at /sys/kernel/tracing and cannot be";
  static final String NO_CGROUP2 = "no cgroup2 mount";
  static final String MAP_REFUSED = "map type %d refused";
  static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
  private static final String OBJECT = "/dev/tapio/bpf/probes.bpf.o";
  private static final int MAP_PERF_EVENT_ARRAY = 4;
  private static final int MAP_RINGBUF = 27;

  private static final Map<Feature, String> PROGRAMS =
      Map.of(
          Feature.TP_BTF, "probe_tp_btf",
          Feature.RAW_TRACEPOINT, "probe_raw_tp",
          Feature.TRACEPOINT, "probe_tracepoint",
          Feature.FENTRY, "probe_fentry",
          Feature.LSM, "probe_lsm",
          Feature.KPROBE, "probe_kprobe",
          Feature.CGROUP_SKB, "probe_cgroup_skb");

  private FeatureProbe() {}

  /** Probes every {@link Feature}. Needs root (CAP_BPF, CAP_PERFMON, CAP_NET_ADMIN). */
  public static KernelFeatures probe() {
    Map<Feature, FeatureResult> results = new EnumMap<>(Feature.class);
    if (!Libbpf1.available()) {
      for (Feature f : Feature.values()) {
        results.put(f, FeatureResult.refused(f, Libbpf.NOT_FOUND));
      }
      return new KernelFeatures(results);
    }
    results.put(
        Feature.BTF,
        Files.isReadable(VMLINUX)
            ? FeatureResult.supported(Feature.BTF)
            : FeatureResult.refused(Feature.BTF, NO_VMLINUX_BTF));
    results.put(Feature.RING_BUFFER, map(Feature.RING_BUFFER, MAP_RINGBUF));
    results.put(Feature.PERF_BUFFER, map(Feature.PERF_BUFFER, MAP_PERF_EVENT_ARRAY));
    byte[] elf = LibbpfBackend.objectBytes(OBJECT);
    for (Feature f :
        List.of(
            Feature.TP_BTF,
            Feature.RAW_TRACEPOINT,
            Feature.TRACEPOINT,
            Feature.FENTRY,
            Feature.LSM,
            Feature.KPROBE,
            Feature.CGROUP_SKB)) {
      results.put(f, program(f, elf));
    }
    return new KernelFeatures(results);
  }

  private static FeatureResult map(Feature f, int type) {
    int rc = Libbpf1.probeMapType(type);
    return rc == 1
        ? FeatureResult.supported(f)
        : FeatureResult.refused(f, MAP_REFUSED.formatted(type));
  }

  private static FeatureResult program(Feature f, byte[] elf) {
    if (f == Feature.TRACEPOINT && !TraceFs.ensureMounted()) {
      return FeatureResult.refused(f, NO_TRACEFS);
    }
    String name = PROGRAMS.get(f);
    try (BpfObject obj = BpfObject.open(name, elf)) {
      for (String other : PROGRAMS.values()) {
        obj.setAutoload(other, other.equals(name));
      }
      obj.load();
      if (f == Feature.CGROUP_SKB) {
        Optional<Path> cgroup = cgroup2Mount();
        if (cgroup.isEmpty()) {
          return FeatureResult.refused(f, NO_CGROUP2);
        }
        try (DirFd dir = DirFd.open(cgroup.get());
            BpfLink link = obj.attachCgroup(name, dir.fd())) {
          return FeatureResult.supported(f);
        }
      }
      try (BpfLink link = obj.attach(name)) {
        return FeatureResult.supported(f);
      }
    } catch (BpfException e) {
      return FeatureResult.refused(f, e.getMessage());
    }
  }

  /** Where cgroup v2 is mounted (the unified hierarchy), from /proc/self/mountinfo. */
  static Optional<Path> cgroup2Mount() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] halves = line.split(" - ", 2);
        if (halves.length == 2 && halves[1].startsWith("cgroup2 ")) {
          return Optional.of(Path.of(halves[0].split(" ")[4]));
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
