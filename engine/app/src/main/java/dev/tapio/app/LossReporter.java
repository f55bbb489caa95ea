package dev.tapio.app;

import dev.tapio.app.pipeline.PipelineStats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs, at a fixed interval, every loss since the last report: events the pipeline could not take
 * and records the kernel could not hand over. Silent when nothing was lost.
 */
final class LossReporter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LossReporter.class);

  private final Supplier<PipelineStats> pipeline;
  private final Supplier<Map<String, Long>> kernelDrops;
  private final ScheduledExecutorService timer;
  private long lastPipelineDrops;
  private long lastKernelDrops;

  LossReporter(
      Supplier<PipelineStats> pipeline, Supplier<Map<String, Long>> kernelDrops, Duration every) {
    this.pipeline = pipeline;
    this.kernelDrops = kernelDrops;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tapio-loss-report").daemon(true).unstarted(r));
    timer.scheduleAtFixedRate(
        this::report, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Logs the losses since the last call; returns whether there were any. */
  synchronized boolean report() {
    long pipelineDrops = pipeline.get().droppedQueueFull();
    Map<String, Long> kernel = kernelDrops.get();
    long kernelTotal = kernel.values().stream().mapToLong(Long::longValue).sum();
    long newPipeline = pipelineDrops - lastPipelineDrops;
    long newKernel = kernelTotal - lastKernelDrops;
    lastPipelineDrops = pipelineDrops;
    lastKernelDrops = kernelTotal;
    if (newPipeline > 0 || newKernel > 0) {
      log.warn(
          "events lost since the last report: {} in the pipeline (queue full), {} in the kernel"
              + " (ring buffers full); kernel totals by record: {}",
          newPipeline,
          newKernel,
          kernel);
      return true;
    }
    return false;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
