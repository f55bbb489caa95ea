package dev.tapio.app;

import dev.tapio.api.filter.KernelFilter;
import dev.tapio.api.spi.EventSink;
import dev.tapio.app.config.Settings;
import dev.tapio.app.flows.FlowTelemetry;
import dev.tapio.app.reload.RuleBase;
import dev.tapio.app.reload.RuleShape;
import dev.tapio.enrich.Enricher;
import dev.tapio.sensors.SensorConfig;
import dev.tapio.sensors.SensorSet;
import dev.tapio.sensors.SensorStats;
import dev.tapio.sensors.Sensors;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's sensors: opened with what the rules need of them (their event types and kernel
 * filter, plus what enrichment and the flows need), opened again when the built rules need other
 * events than the sensors started with, and closed with their losses reported. A reload cannot
 * change what the kernel was asked for; it can only switch the kernel filter off.
 */
final class EngineSensors {
  private static final Logger log = LoggerFactory.getLogger(EngineSensors.class);

  private final EngineOptions options;
  private volatile @Nullable SensorSet sensors;

  /** The kernel filter the sensors were started with; NONE once a reload switched it off. */
  private volatile KernelFilter installedFilter = KernelFilter.NONE;

  EngineSensors(EngineOptions options) {
    this.options = options;
  }

  /** The open sensors, or null (not started, detached by the kill switch, or closed). */
  @Nullable SensorSet current() {
    return sensors;
  }

  /** Opens the sensors for {@code shape} and starts delivering their events to {@code sink}. */
  void open(RuleShape shape, boolean flows, EventSink sink) {
    SensorConfig config =
        SensorConfig.builder()
            .ringBufferBytes(options.ringBufferBytes())
            .selfPid((int) ProcessHandle.current().pid())
            .cgroupRateLimit(
                options.config().get(Settings.CGROUP_FILE_RATE),
                options.config().get(Settings.CGROUP_FILE_BURST))
            .kernelFilter(kernelFilter(shape))
            .build();
    // TAPIO_SENSORS=floor: counter-only programs on the same hooks, for overhead benchmarks.
    boolean floor = "floor".equals(options.environment().get("TAPIO_SENSORS"));
    if (floor) {
      log.info("TAPIO_SENSORS=floor: the sensors only count, no event reaches the rules");
    }
    // libbpf's parsed kernel BTF, freed after each object's load, goes back to the kernel
    if (!NativeHeap.mapLargeBlocks()) {
      log.debug("native heap: mallopt not available, large blocks stay in malloc's arenas");
    }
    SensorSet set = floor ? Sensors.floor(config) : Sensors.open(config);
    sensors = set;
    set.start(SensorChoice.eventTypes(eventTypes(shape, flows), options.config()), sink);
    set.statuses().forEach((name, status) -> log.info("sensor {}: {}", name, status));
  }

  /** Closes the sensors, if open, after saying what they could not hand over. */
  void close() {
    SensorSet set = sensors;
    if (set != null) {
      sensors = null;
      reportLosses(set);
      set.close();
    }
  }

  /**
   * After a reload: the kernel cannot take a new filter in place, so when the new rules need other
   * opens than the rules it was derived from at start, the filter lets every open through until
   * restart rather than drop opens the new rules need; rules none of whose events the sensors
   * deliver are named.
   */
  void rulesSwapped(RuleBase base, boolean detached) {
    SensorSet set = sensors;
    if (set != null
        && !installedFilter.equals(KernelFilter.NONE)
        && !base.kernelFilter().equals(installedFilter)) {
      set.disableKernelFilter();
      installedFilter = KernelFilter.NONE;
      log.warn(
          "kernel filter: off until restart, the reloaded rules need other opens than the rules"
              + " it was derived from at start (restart tapio run to filter in the kernel again)");
    }
    if (set != null && !detached) {
      RuleReach.dead(base.allRules(), set.eventTypesDelivered())
          .forEach(dead -> log.warn("{} until restart (sensors attach at start)", dead.line()));
    }
  }

  /**
   * The event types to ask the kernel for: what the rules can match, plus what enrichment (and the
   * flows, when on) need; every type when events are printed or recorded.
   */
  Set<String> eventTypes(RuleShape shape, boolean flows) {
    Set<String> types = new TreeSet<>(Enricher.requiredEventTypes());
    if (flows) {
      types.addAll(FlowTelemetry.eventTypes());
    }
    if (options.printEvents() || options.recordTo() != null) {
      types.addAll(Sensors.eventTypes());
    } else {
      types.addAll(shape.eventTypes());
    }
    return types;
  }

  /**
   * What the kernel may drop: the rules' filter (it admits what any rule, correlation step or
   * shadow rule may need), or nothing when it is turned off ({@code sensors.file.kernelFilter}) or
   * every event is printed or recorded.
   */
  private KernelFilter kernelFilter(RuleShape shape) {
    if (!options.config().get(Settings.FILE_KERNEL_FILTER)
        || options.printEvents()
        || options.recordTo() != null) {
      log.info("kernel filter: off, every open reaches the engine");
      return KernelFilter.NONE;
    }
    KernelFilter filter = shape.kernelFilter();
    log.info("kernel filter: {}", filter.summary());
    installedFilter = filter;
    return filter;
  }

  /** What the kernel could not hand over: never silent. */
  private static void reportLosses(SensorSet set) {
    var dropped = set.dropCounters();
    long total = dropped.values().stream().mapToLong(Long::longValue).sum();
    if (total > 0) {
      log.warn(
          "sensors dropped {} records (ring buffers full; {}: skipped by the kernel): {}",
          total,
          SensorStats.RECURSION,
          dropped);
    } else {
      log.info("sensors dropped no records");
    }
    set.stats().forEach(s -> log.info("sensor stats: {}", s));
  }
}
