package dev.tapio.sensors;

import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.BpfLink;
import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.DirFd;
import dev.tapio.sensors.internal.ffm.Errno;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.ffm.TraceFs;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import dev.tapio.sensors.internal.spec.Arch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds out what the running kernel allows by really doing it: each program kind is loaded and
 * attached (then detached at once) from {@code probes.bpf.o}, map kinds are created. This is the
 * only place that decides what the kernel supports; sensors choose their mechanisms from the
 * result.
 */
public final class FeatureProbe {
  /** Why everything is refused when the process lacks the capabilities BPF needs. */
  public static final String NO_PRIVILEGES =
      "BPF needs root or CAP_BPF and CAP_PERFMON (CAP_SYS_ADMIN on kernels before 5.8)";

  static final String NO_VMLINUX_BTF = "/sys/kernel/btf/vmlinux not readable";
  static final String NO_TRACEFS = "tracefs not mounted at /sys/kernel/tracing and cannot be";
  static final String NO_CGROUP2 = "no cgroup2 mount";
  static final String MAP_REFUSED = "map type %d refused";

  /**
   * Why BPF LSM is refused although its probe attached: a kernel whose LSM list lacks {@code bpf}
   * (Debian's 5.10 by default) accepts LSM programs and never runs them.
   */
  static final String LSM_NOT_ACTIVE =
      "attach probe_lsm: attached, but bpf is not in the kernel's LSM list (%s), so no LSM program"
          + " runs: boot with lsm=%s,bpf";

  /**
   * Whether a refused BPF LSM's detail says the kernel has it but leaves it out of its LSM list: a
   * hook that could run there falls back for that reason, and says so.
   */
  public static boolean bpfLsmNotInList(String detail) {
    return detail.startsWith(LSM_NOT_ACTIVE.substring(0, LSM_NOT_ACTIVE.indexOf('(')));
  }

  static final Path LSM_LIST = Path.of("/sys/kernel/security/lsm");
  static final Path VMLINUX = Path.of("/sys/kernel/btf/vmlinux");
  private static final String OBJECT = Arch.current().resources() + "probes.bpf.o";
  private static final java.util.regex.Pattern SPACE = java.util.regex.Pattern.compile(" ");
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
    Optional<String> blocker =
        !Libbpf1.available()
            ? Optional.of(Libbpf.NOT_FOUND)
            : privileged() ? Optional.empty() : Optional.of(NO_PRIVILEGES);
    if (blocker.isPresent()) {
      for (Feature f : Feature.values()) {
        results.put(f, FeatureResult.refused(f, blocker.get()));
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
    if (rc == 1) {
      return FeatureResult.supported(f);
    }
    return FeatureResult.refused(
        f, MAP_REFUSED.formatted(type) + (rc < 0 ? ": " + Errno.name(rc) : ""));
  }

  private static FeatureResult program(Feature f, byte[] elf) {
    if (f == Feature.TRACEPOINT && !TraceFs.ensureMounted()) {
      return FeatureResult.refused(f, NO_TRACEFS);
    }
    String name = java.util.Objects.requireNonNull(PROGRAMS.get(f), f.label());
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
            BpfLink _ = obj.attachCgroup(name, dir.fd())) {
          return FeatureResult.supported(f);
        }
      }
      try (BpfLink _ = obj.attach(name)) {
        if (f == Feature.LSM) {
          Optional<String> inactive = bpfLsmInactive(lsmList());
          if (inactive.isPresent()) {
            return FeatureResult.refused(f, inactive.get());
          }
        }
        return FeatureResult.supported(f);
      }
    } catch (BpfException e) {
      return FeatureResult.refused(f, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Why LSM programs would not run under the kernel's active LSM list ({@code
   * /sys/kernel/security/lsm}), or nothing when {@code bpf} is in it or the list cannot be read.
   */
  static Optional<String> bpfLsmInactive(@Nullable String list) {
    if (list == null) {
      return Optional.empty();
    }
    String active = list.strip();
    if (List.of(active.split(",")).contains("bpf")) {
      return Optional.empty();
    }
    return Optional.of(LSM_NOT_ACTIVE.formatted(active, active));
  }

  private static @Nullable String lsmList() {
    try {
      return Files.isReadable(LSM_LIST) ? Files.readString(LSM_LIST) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Whether the effective capabilities include CAP_SYS_ADMIN, or CAP_BPF with CAP_PERFMON. */
  static boolean privileged() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("CapEff:")) {
          long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
          return hasCaps(caps);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return true; // cannot tell: let the kernel answer
    }
    return true;
  }

  static boolean hasCaps(long caps) {
    long sysAdmin = 1L << 21;
    long bpfAndPerfmon = (1L << 39) | (1L << 38);
    return (caps & sysAdmin) != 0 || (caps & bpfAndPerfmon) == bpfAndPerfmon;
  }

  /** Where cgroup v2 is mounted (the unified hierarchy), from /proc/self/mountinfo. */
  static Optional<Path> cgroup2Mount() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        int dash = line.indexOf(" - ");
        if (dash > 0 && line.startsWith("cgroup2 ", dash + 3)) {
          List<String> fields = List.of(SPACE.split(line.substring(0, dash)));
          if (fields.size() > 4) {
            return Optional.of(Path.of(fields.get(4)));
          }
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
