package dev.tapio.sensors;

import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.decode.SyscallTable;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import dev.tapio.sensors.internal.load.Retry;
import dev.tapio.sensors.internal.spec.Arch;
import dev.tapio.sensors.internal.spec.SensorCatalog;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Entry point: every eBPF sensor as one {@link dev.tapio.api.spi.EventSource}. */
public final class Sensors {
  private Sensors() {}

  /** Every Falco event type some sensor can produce. */
  public static Set<String> eventTypes() {
    return SensorCatalog.ALL.stream()
        .flatMap(s -> s.eventTypes().stream())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The event types each sensor produces, by sensor name, in catalog order. */
  public static Map<String, Set<String>> eventTypesBySensor() {
    Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    SensorCatalog.ALL.forEach(s -> out.put(s.name(), Set.copyOf(s.eventTypes())));
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * What {@code tapio sensors status} shows: probes the kernel, loads and attaches every sensor for
   * every event type it can produce, reports each status, and detaches everything again.
   */
  public static Map<String, SourceStatus> check(SensorConfig config) {
    try (SensorSet set = open(config)) {
      set.start(eventTypes(), event -> {});
      return set.statuses();
    }
  }

  /**
   * The report {@code tapio sensors status} prints: libbpf, each kernel feature, each sensor.
   *
   * @param statuses from {@link #check} or {@link SensorSet#statuses()}
   */
  public static String report(KernelFeatures features, Map<String, SourceStatus> statuses) {
    return report(features, statuses, Arch.current());
  }

  /** The report as it reads on {@code arch}: its sensors leave out the hooks it cannot have. */
  static String report(KernelFeatures features, Map<String, SourceStatus> statuses, Arch arch) {
    StringBuilder out = new StringBuilder(Libbpf.describe()).append('\n');
    out.append("kernel features:\n");
    features.list().forEach(r -> out.append("  ").append(r).append('\n'));
    out.append("sensors:\n");
    statuses.forEach(
        (name, st) -> out.append("  ").append(name).append(": ").append(st).append('\n'));
    SensorCatalog.absent(SyscallTable.of(arch)::has)
        .forEach(
            (name, hooks) ->
                out.append(NOT_HERE.formatted(name, arch.label(), String.join(", ", hooks))));
    return out.toString();
  }

  /**
   * The line saying how many records the kernel skipped while the sensors were attached: it skips a
   * program that would run while another BPF program runs on the same CPU (preemptible kernels),
   * and counts each skip in the program's {@code recursion_misses} (5.12+).
   *
   * @param skipped from {@link SensorSet#skippedByKernel()}
   */
  public static String skippedLine(java.util.OptionalLong skipped) {
    return SKIPPED
        + (skipped.isPresent() ? SKIPPED_COUNT.formatted(skipped.getAsLong()) : SKIPPED_NOT_COUNTED)
        + '\n';
  }

  static final String SKIPPED = "skipped by the kernel (recursion): ";
  static final String SKIPPED_COUNT =
      "%d records while attached (another BPF program ran on the same CPU)";
  static final String SKIPPED_NOT_COUNTED = "not counted by this kernel (recursion_misses: 5.12+)";

  /** A sensor's hooks whose syscall this architecture does not have (arm64: open, creat…). */
  static final String NOT_HERE = "  %s: not applicable on %s (no such syscall): %s\n";

  /** The sensors of the architecture this JVM runs on, without hooks it cannot have. */
  private static List<SensorSpec> hereCatalog() {
    return SensorCatalog.on(SyscallTable.built()::has);
  }

  /**
   * {@link #report(KernelFeatures, Map)} followed by the tier of every attached hook, per sensor,
   * grouped by mechanism, named (counted beyond {@link #HOOKS_NAMED}): {@code net: fentry (10
   * hooks), tp_btf (inet_sock_set_state), tracepoint (kfree_skb)}.
   *
   * @param tiers from {@link SensorSet#hookTiers()}
   */
  public static String report(
      KernelFeatures features,
      Map<String, SourceStatus> statuses,
      Map<String, Map<String, Mechanism>> tiers) {
    return report(features, statuses, tiers, Map.of());
  }

  /**
   * {@link #report(KernelFeatures, Map, Map)} with, under each sensor's hooks, those that fell back
   * and why: {@code deny_connect fell back: fentry failed (load lsm: EINVAL; verifier: ...)}.
   *
   * @param fallbacks from {@link SensorSet#hookFallbacks()}
   */
  public static String report(
      KernelFeatures features,
      Map<String, SourceStatus> statuses,
      Map<String, Map<String, Mechanism>> tiers,
      Map<String, Map<String, String>> fallbacks) {
    StringBuilder out = new StringBuilder(report(features, statuses));
    if (tiers.isEmpty()) {
      return out.toString();
    }
    out.append("hooks:\n");
    tiers.forEach(
        (sensor, hooks) -> {
          String byMechanism =
              java.util.Arrays.stream(Mechanism.values())
                  .filter(hooks::containsValue)
                  .map(m -> m.label() + " (" + hookList(hooks, m) + ")")
                  .collect(Collectors.joining(", "));
          out.append("  ").append(sensor).append(": ").append(byMechanism).append('\n');
          fallbacks
              .getOrDefault(sensor, Map.of())
              .forEach(
                  (hook, why) ->
                      out.append("    ").append(hook).append(FELL_BACK).append(why).append('\n'));
        });
    out.append(SLOW_PATH)
        .append(
            hooksWhere(tiers, SensorCatalog::onSyscallTracepoint)
                .orElse("none, no syscall is on the slow path"))
        .append('\n');
    if (Arch.current() == Arch.X86_64) {
      HookTest misses = (sensor, hook, m) -> SensorCatalog.missesCompatSyscalls(sensor, hook);
      out.append(COMPAT).append(hooksWhere(tiers, misses).orElse("none")).append('\n');
    }
    return out.toString();
  }

  /**
   * The line naming the hooks on syscall tracepoints: each puts every syscall of every task on the
   * tracepoint slow path, hooked or not.
   */
  static final String SLOW_PATH = "syscall tracepoints (every syscall on the slow path): ";

  /**
   * The line naming the hooks that do not see syscalls entered through x86-64's 32-bit entry
   * ({@link SensorCatalog#missesCompatSyscalls}).
   */
  static final String COMPAT = "32-bit syscalls (int 0x80, 32-bit binaries) unseen by: ";

  /** A test of one attached hook: its sensor, its name, its mechanism. */
  interface HookTest {
    boolean test(String sensor, String hook, Mechanism mechanism);
  }

  /** The attached hooks that pass {@code test}, per sensor as the hooks section lists them. */
  private static java.util.Optional<String> hooksWhere(
      Map<String, Map<String, Mechanism>> tiers, HookTest test) {
    List<String> sensors = new java.util.ArrayList<>();
    tiers.forEach(
        (sensor, hooks) -> {
          Map<String, Mechanism> these = new java.util.LinkedHashMap<>();
          hooks.forEach(
              (hook, m) -> {
                if (test.test(sensor, hook, m)) {
                  these.put(hook, m);
                }
              });
          if (!these.isEmpty()) {
            sensors.add(
                sensor
                    + " ("
                    + (these.size() > HOOKS_NAMED
                        ? these.size() + " hooks"
                        : String.join(", ", these.keySet()))
                    + ")");
          }
        });
    return sensors.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(String.join(", ", sensors));
  }

  static final String FELL_BACK = " fell back: ";

  /** Beyond this many hooks on one mechanism, the report counts them instead of naming them. */
  static final int HOOKS_NAMED = 8;

  private static String hookList(Map<String, Mechanism> hooks, Mechanism m) {
    List<String> on =
        hooks.entrySet().stream().filter(h -> h.getValue() == m).map(Map.Entry::getKey).toList();
    return on.size() > HOOKS_NAMED ? on.size() + " hooks" : String.join(", ", on);
  }

  /** The sensors, not yet started; nothing touches the kernel before {@link SensorSet#start}. */
  public static SensorSet open(SensorConfig config) {
    return new SensorSet(config, hereCatalog(), new LibbpfBackend(config), Retry.standard());
  }

  /**
   * The floor of the sensors, for overhead benchmarks: the same hooks, attached by the same rules
   * on the same mechanisms, but every program only counts its runs and nothing reaches the ring
   * buffers. A workload's cost under the floor is what the hook points cost by themselves; the
   * sensors' cost above it is theirs (docs/performance.md).
   */
  public static SensorSet floor(SensorConfig config) {
    return new SensorSet(
        config,
        hereCatalog().stream().map(SensorSpec::floor).toList(),
        new LibbpfBackend(config),
        Retry.standard());
  }
}
