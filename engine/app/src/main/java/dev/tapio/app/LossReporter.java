package dev.tapio.app;

import dev.tapio.api.alert.Alert;
import dev.tapio.app.pipeline.PipelineStats;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports, at a fixed interval, every loss since the last report: events the pipeline could not
 * take, events it sampled away while behind, and records the kernel could not hand over. Each
 * report is a log line and an alert-shaped record to the sinks ({@link InternalAlerts#drops}), so
 * the loss reaches the SIEM, at most once per interval; a last report goes out at close. Silent
 * when nothing was lost.
 */
final class LossReporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LossReporter.class);

  private final Supplier<PipelineStats> pipeline;
  private final Supplier<Map<String, Long>> kernelDrops;
  private final Consumer<Alert> sink;
  private final InternalAlerts internal;
  private final ScheduledExecutorService timer;
  private long lastPipelineDrops;
  private long lastKernelDrops;
  private Map<String, Long> lastKernelByKind = Map.of();
  private Map<String, Long> lastSampledByKind = Map.of();

  LossReporter(
      Supplier<PipelineStats> pipeline, Supplier<Map<String, Long>> kernelDrops, Duration every) {
    this(pipeline, kernelDrops, every, a -> {}, new InternalAlerts("localhost"));
  }

  /** As above, also sending each report as an alert-shaped record to {@code sink}. */
  LossReporter(
      Supplier<PipelineStats> pipeline,
      Supplier<Map<String, Long>> kernelDrops,
      Duration every,
      Consumer<Alert> sink,
      InternalAlerts internal) {
    this.pipeline = pipeline;
    this.kernelDrops = kernelDrops;
    this.sink = sink;
    this.internal = internal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tapio-loss-report").daemon(true).unstarted(r));
    timer.scheduleAtFixedRate(
        this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Logs the losses since the last call; returns whether there were any. */
  synchronized boolean report() {
    PipelineStats stats = pipeline.get();
    long pipelineDrops = stats.droppedQueueFull();
    Map<String, Long> kernel = kernelDrops.get();
    long kernelTotal = kernel.values().stream().mapToLong(Long::longValue).sum();
    long newPipeline = pipelineDrops - lastPipelineDrops;
    long newKernel = kernelTotal - lastKernelDrops;
    Map<String, Long> newByKind = since(kernel, lastKernelByKind);
    Map<String, Long> newSampled = since(stats.sampled(), lastSampledByKind);
    long sampledTotal = newSampled.values().stream().mapToLong(Long::longValue).sum();
    lastPipelineDrops = pipelineDrops;
    lastKernelDrops = kernelTotal;
    lastKernelByKind = Map.copyOf(kernel);
    lastSampledByKind = stats.sampled();
    if (newPipeline > 0 || newKernel > 0 || sampledTotal > 0) {
      log.warn(
          "events lost since the last report: {} in the pipeline (queue full), {} in the kernel"
              + " (ring buffers full), {} sampled away while the pipeline was behind ({}); kernel"
              + " totals by record: {}",
          newPipeline,
          newKernel,
          sampledTotal,
          newSampled,
          kernel);
      try {
        sink.accept(internal.drops(newKernel, newPipeline, newByKind, newSampled));
      } catch (RuntimeException e) {
        log.warn("the loss report could not be sent: {}", e.toString());
      }
      return true;
    }
    return false;
  }

  /** What grew in {@code now} since {@code before}, per key, only keys that grew. */
  private static Map<String, Long> since(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> grown = new TreeMap<>();
    now.forEach(
        (kind, n) -> {
          long delta = n - before.getOrDefault(kind, 0L);
          if (delta > 0) {
            grown.put(kind, delta);
          }
        });
    return grown;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    report(); // what was lost since the last report, before the sinks close
  }
}
