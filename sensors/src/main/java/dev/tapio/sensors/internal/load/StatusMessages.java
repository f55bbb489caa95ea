package dev.tapio.sensors.internal.load;

/** The texts sensors report in their statuses; tests assert them word for word. */
public final class StatusMessages {
  private StatusMessages() {}

  public static final String NOT_REQUESTED = "none of its event types was requested";
  public static final String NO_BUFFERS =
      "the kernel has neither BPF ring buffers nor perf buffers";

  /** Appended to the mechanism when records travel through perf buffers. */
  public static final String OVER_PERF_BUFFER = " over perf buffer";

  public static final String NO_BTF = "the kernel has no BTF (/sys/kernel/btf/vmlinux)";

  /** {@code %s} = mechanism, feature probe detail. */
  public static final String NOT_SUPPORTED = "%s not supported by the kernel (%s)";

  /**
   * Why a hook with a BPF LSM rung runs lower on a kernel that has BPF LSM but not in its LSM list.
   */
  public static final String BPF_LSM_NOT_ENABLED =
      "lsm: bpf LSM not enabled (bpf is not in /sys/kernel/security/lsm)";

  /** {@code %s} = mechanism, kernel function. */
  public static final String NO_FUNCTION = "%s: no kernel function %s (BTF)";

  /** A hook off because its syscall came after this kernel: nothing can call it, nothing missed. */
  public static final String NOT_IN_KERNEL = "no syscall %s in this kernel: nothing to miss";

  /** {@code %s} = mechanism, kernel function, its parameters, the numbers the programs expect. */
  public static final String OTHER_PROTOTYPE = "%s: %s has %s here, the hook expects %s";

  /** How many parameters, in words: {@code 1 parameter}, {@code 2 parameters}. */
  static String parameters(int count) {
    return count + (count == 1 ? " parameter" : " parameters");
  }

  /** {@code %s} = mechanism, failure. */
  public static final String FAILED = "%s failed (%s)";

  /** {@code %s} = hook, its failed attempts. */
  public static final String HOOK_FAILED = "%s: %s";

  /** {@code %s} = differences. */
  public static final String ABI_MISMATCH = "record layout differs from the decoder: %s";

  /** {@code %s} = hooks that did not attach. */
  public static final String PARTIAL = "running without %s";

  public static final String NOT_STARTED = "not started";

  /** Prefix of the detail every feature gets when the probe itself crashed. */
  public static final String PROBE_CRASHED = "feature probe failed: ";

  /**
   * Feature-probe details that are about this process, not the kernel: every feature is refused for
   * them, and a sensor reports them as they are.
   */
  public static final java.util.Set<String> GLOBAL_REASONS =
      java.util.Set.of(
          dev.tapio.sensors.Libbpf.NOT_FOUND, dev.tapio.sensors.FeatureProbe.NO_PRIVILEGES);

  public static final String CLOSED = "closed";
}
