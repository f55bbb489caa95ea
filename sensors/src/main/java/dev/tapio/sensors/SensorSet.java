package dev.tapio.sensors;

import dev.tapio.api.spi.EventSink;
import dev.tapio.api.spi.EventSource;
import dev.tapio.api.spi.SourceStatus;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.audit.AuditReader;
import dev.tapio.sensors.internal.audit.Twins;
import dev.tapio.sensors.internal.decode.EventDecoder;
import dev.tapio.sensors.internal.ffm.BpfException;
import dev.tapio.sensors.internal.ffm.Clocks;
import dev.tapio.sensors.internal.ffm.RecordSource;
import dev.tapio.sensors.internal.load.Backend;
import dev.tapio.sensors.internal.load.LoadResult;
import dev.tapio.sensors.internal.load.Poller;
import dev.tapio.sensors.internal.load.Retry;
import dev.tapio.sensors.internal.load.RunningSensor;
import dev.tapio.sensors.internal.load.SensorLoader;
import dev.tapio.sensors.internal.load.StatusMessages;
import dev.tapio.sensors.internal.spec.SensorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * All eBPF sensors as one event source. {@link #start} probes the kernel (unless the config carries
 * probed features), loads each sensor with the best mechanism that works, and starts one polling
 * thread; a sensor that cannot load reports why in {@link #statuses()} and the others run. {@link
 * #close} stops polling and detaches everything.
 */
public final class SensorSet implements EventSource {
  static final String ALREADY_STARTED = "sensors already started";
  static final String LOAD_CRASHED = "loading failed: %s";
  static final String SOURCE_FAILED = "cannot read its records: %s";

  /** Event types the audit group also reports. */
  static final Set<String> AUDITED = Set.of("seccomp", "lsm_denial");

  private final SensorConfig config;
  private final List<SensorSpec> specs;
  private final SensorLoader loader;
  private final Supplier<KernelFeatures> probe;
  private final Supplier<Long> clockOffset;
  private final List<RunningSensor> running = new ArrayList<>();
  private Set<String> requested = Set.of();
  private @Nullable KernelFeatures features;
  private @Nullable Poller poller;
  private @Nullable AuditReader audit;
  private @Nullable Twins twins;
  private @Nullable SourceStatus auditStatus;
  private boolean started;
  private boolean closed;

  SensorSet(SensorConfig config, List<SensorSpec> specs, Backend backend, Retry retry) {
    this(config, specs, backend, retry, FeatureProbe::probe, Clocks::bootToEpochOffset);
  }

  SensorSet(
      SensorConfig config,
      List<SensorSpec> specs,
      Backend backend,
      Retry retry,
      Supplier<KernelFeatures> probe,
      Supplier<Long> clockOffset) {
    this.config = config;
    this.specs = List.copyOf(specs);
    this.loader = new SensorLoader(backend, retry);
    this.probe = probe;
    this.clockOffset = clockOffset;
  }

  @Override
  public String name() {
    return "ebpf";
  }

  /**
   * Loads and attaches the sensors that produce any of {@code eventTypes} and starts delivering
   * those events to {@code sink} on the polling thread. Never throws for kernel refusals: see
   * {@link #statuses()}.
   */
  @Override
  public synchronized void start(Set<String> eventTypes, EventSink sink) {
    if (started) {
      throw new IllegalStateException(ALREADY_STARTED);
    }
    started = true;
    requested = Set.copyOf(eventTypes);
    KernelFeatures probed = config.features() != null ? config.features() : probeOrRefuseAll();
    this.features = probed;
    EventSink delivered = sink;
    if (eventTypes.stream().anyMatch(AUDITED::contains) && config.audit()) {
      // a violation the sensors and audit both see must reach the rules once
      Twins t = new Twins(sink);
      twins = t;
      delivered = t;
      AuditReader.Started a = AuditReader.start(t, t::releaseDue);
      audit = a.reader();
      auditStatus = a.status();
    }
    for (SensorSpec spec : specs) {
      LoadResult result;
      try {
        result = loader.load(spec, probed, eventTypes);
      } catch (RuntimeException e) {
        result =
            new LoadResult(
                SourceStatus.unavailable(LOAD_CRASHED.formatted(e)), null, List.of(), Map.of());
      }
      RecordSource source = null;
      Backend.Loaded loaded = result.loaded();
      if (loaded != null) {
        try {
          source = loaded.openSource();
        } catch (BpfException e) {
          new RunningSensor(spec.name(), result, null).close();
          result =
              new LoadResult(
                  SourceStatus.unavailable(SOURCE_FAILED.formatted(e.getMessage())),
                  null,
                  List.of(),
                  Map.of());
        }
      }
      running.add(new RunningSensor(spec.name(), result, source));
    }
    if (running.stream().anyMatch(s -> s.ring() != null)) {
      Poller p =
          new Poller(
              running,
              new EventDecoder(clockOffset.get()),
              eventTypes,
              delivered,
              config.batchSize(),
              config.pollTimeout());
      p.start();
      poller = p;
    }
  }

  /** Probes; a probe that crashes refuses every feature with its reason instead of throwing. */
  private KernelFeatures probeOrRefuseAll() {
    try {
      return probe.get();
    } catch (RuntimeException e) {
      KernelFeatures none = KernelFeatures.all();
      for (Feature f : Feature.values()) {
        none = none.refuse(f, StatusMessages.PROBE_CRASHED + e);
      }
      return none;
    }
  }

  /**
   * The event types, of those asked for at {@link #start}, that this kernel delivers: every hook
   * that serves the type attached. Empty before start and after close.
   */
  public synchronized Set<String> eventTypesDelivered() {
    Set<String> out = new java.util.TreeSet<>();
    Set<String> missing = new java.util.HashSet<>();
    for (int i = 0; i < running.size() && !closed; i++) {
      Set<String> attached = running.get(i).result().chosen().keySet();
      for (var program : specs.get(i).programs()) {
        for (String type : program.eventTypes()) {
          if (requested.contains(type)) {
            (attached.contains(program.hook()) ? out : missing).add(type);
          }
        }
      }
    }
    out.removeAll(missing);
    return out;
  }

  /**
   * The mechanism each attached hook runs on, per sensor with a hook attached, both in catalog
   * order: what {@code tapio sensors status} lists under {@code hooks:}. Empty before start and
   * after close.
   */
  public synchronized Map<String, Map<String, Mechanism>> hookTiers() {
    Map<String, Map<String, Mechanism>> out = new LinkedHashMap<>();
    for (int i = 0; i < running.size() && !closed; i++) {
      Map<String, Mechanism> chosen = running.get(i).result().chosen();
      Map<String, Mechanism> ordered = new LinkedHashMap<>();
      for (var program : specs.get(i).programs()) {
        Mechanism m = chosen.get(program.hook());
        if (m != null) {
          ordered.put(program.hook(), m);
        }
      }
      if (!ordered.isEmpty()) {
        out.put(specs.get(i).name(), java.util.Collections.unmodifiableMap(ordered));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Why attached hooks are not on their best rung, per sensor with such a hook: a kernel function
   * missing, a program the verifier refused, an attach that failed. Empty before start and after
   * close.
   */
  public synchronized Map<String, Map<String, String>> hookFallbacks() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (int i = 0; i < running.size() && !closed; i++) {
      Map<String, String> fallbacks = running.get(i).result().fallbacks();
      if (!fallbacks.isEmpty()) {
        out.put(specs.get(i).name(), new java.util.TreeMap<>(fallbacks));
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The features the sensors were chosen by, once started. */
  public synchronized @Nullable KernelFeatures features() {
    return features;
  }

  /** Each sensor's status, in catalog order: {@code enabled (tp_btf)}, {@code partial: ...}. */
  public synchronized Map<String, SourceStatus> statuses() {
    Map<String, SourceStatus> out = new LinkedHashMap<>();
    if (!started) {
      specs.forEach(s -> out.put(s.name(), SourceStatus.unavailable(StatusMessages.NOT_STARTED)));
    } else {
      running.forEach(
          s ->
              out.put(
                  s.name(), closed ? SourceStatus.unavailable(StatusMessages.CLOSED) : s.status()));
      if (auditStatus != null) {
        out.put("audit", closed ? SourceStatus.unavailable(StatusMessages.CLOSED) : auditStatus);
      }
    }
    return out;
  }

  /**
   * All sensors together: enabled when every started sensor is, partial when some run, unavailable
   * when none does. Sensors nothing asked for do not count.
   */
  @Override
  public synchronized SourceStatus status() {
    Map<String, SourceStatus> all = statuses();
    Map<String, SourceStatus> relevant = new LinkedHashMap<>();
    all.forEach(
        (name, st) -> {
          if (!st.reason().equals(StatusMessages.NOT_REQUESTED)) {
            relevant.put(name, st);
          }
        });
    if (relevant.isEmpty()) {
      relevant.putAll(all);
    }
    List<String> mechanisms =
        relevant.values().stream()
            .filter(s -> s.state() != SourceStatus.State.UNAVAILABLE)
            .map(SourceStatus::mechanism)
            .distinct()
            .toList();
    String details =
        relevant.entrySet().stream()
            .filter(e -> e.getValue().state() != SourceStatus.State.ENABLED)
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining("; "));
    if (mechanisms.isEmpty()) {
      return SourceStatus.unavailable(details);
    }
    String mechanism = String.join("+", mechanisms);
    return details.isEmpty()
        ? SourceStatus.enabled(mechanism)
        : SourceStatus.partial(mechanism, details);
  }

  /**
   * Switches the kernel filter off in every running sensor, so every open reaches the engine again:
   * for rules reloaded after start that may need opens the start-up filter drops.
   */
  public synchronized void disableKernelFilter() {
    for (RunningSensor s : running) {
      Backend.Loaded loaded = s.result().loaded();
      if (loaded != null) {
        try {
          loaded.disableFilter();
        } catch (BpfException e) {
          throw new IllegalStateException(
              "cannot switch the kernel filter off in sensor " + s.name() + ": " + e.getMessage(),
              e);
        }
      }
    }
  }

  /**
   * Records lost to full ring buffers, by record kind, over all sensors, and under {@link
   * SensorStats#RECURSION} those lost because the kernel skipped a program (another BPF program ran
   * on the same CPU), when any.
   */
  public synchronized Map<String, Long> dropCounters() {
    Map<String, Long> out = new TreeMap<>();
    for (SensorStats s : stats()) {
      s.dropped().forEach((k, v) -> out.merge(k, v, Long::sum));
      if (s.skipped() > 0) {
        out.merge(SensorStats.RECURSION, s.skipped(), Long::sum);
      }
    }
    return out;
  }

  /**
   * Records lost because the kernel skipped a sensor program while another BPF program ran on the
   * same CPU ({@code recursion_misses}), over all running sensors; empty where the kernel does not
   * count them (before 5.12) or no sensor is loaded.
   */
  public synchronized OptionalLong skippedByKernel() {
    long sum = 0;
    boolean counted = false;
    for (RunningSensor s : running) {
      OptionalLong skipped = closed ? OptionalLong.empty() : s.skipped();
      if (skipped.isPresent()) {
        counted = true;
        sum += skipped.getAsLong();
      }
    }
    return counted ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  /** Counters and ring-buffer fill per started sensor. */
  public synchronized List<SensorStats> stats() {
    List<SensorStats> out = new ArrayList<>();
    for (RunningSensor s : running) {
      if (s.ring() == null || closed) {
        continue;
      }
      long[] fill = s.fill();
      RecordSource ring = s.ring();
      out.add(
          new SensorStats(
              s.name(),
              s.received(),
              byKind(s.drops()),
              byKind(s.throttled()),
              byKind(s.filtered()),
              s.skipped().orElse(0),
              s.decodeErrors(),
              s.sinkErrors(),
              ring.pending(),
              fill[1],
              ring.capacity()));
    }
    return out;
  }

  private static Map<String, Long> byKind(long[] counts) {
    Map<String, Long> out = new TreeMap<>();
    for (EventKind kind : EventKind.values()) {
      if (kind.value() < counts.length && counts[kind.value()] > 0) {
        out.put(kind.label(), counts[kind.value()]);
      }
    }
    return out;
  }

  /** Records refused by the per-cgroup rate limit, by record kind, over all sensors. */
  public synchronized Map<String, Long> throttleCounters() {
    Map<String, Long> out = new TreeMap<>();
    for (SensorStats s : stats()) {
      s.throttled().forEach((k, v) -> out.merge(k, v, Long::sum));
    }
    return out;
  }

  /** Stops the polling thread (after a last drain), then detaches and frees every sensor. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (poller != null) {
      poller.close();
    }
    if (audit != null) {
      audit.close();
    }
    if (twins != null) {
      twins.releaseAll(); // audit records whose twin never came
    }
    for (RunningSensor s : running.reversed()) {
      s.close();
    }
  }
}
