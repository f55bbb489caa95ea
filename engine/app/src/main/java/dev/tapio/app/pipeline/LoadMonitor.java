package dev.tapio.app.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Measures, every {@link SamplingSettings#interval()}, how far behind the pipeline is and hands the
 * measurement to the {@link Sampler}: the queue's fill, and the share of one core the pipeline
 * thread used since the last measurement (its CPU time from the JVM, so time the thread spent
 * waiting for a core on a busy node does not count against the budget). Off when sampling is.
 */
final class LoadMonitor implements AutoCloseable {
  /** Where a measurement goes: queue fill and CPU share, each 0 to 1. */
  interface Measurement {
    void accept(double queueFill, double cpuShare);
  }

  private final SamplingSettings settings;
  private final Thread pipelineThread;
  private final DoubleSupplier queueFill;
  private final Measurement sink;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private @Nullable ScheduledExecutorService timer;
  private long lastCpu = -1;
  private long lastWall;

  LoadMonitor(
      SamplingSettings settings,
      Thread pipelineThread,
      DoubleSupplier queueFill,
      Measurement sink) {
    this.settings = settings;
    this.pipelineThread = pipelineThread;
    this.queueFill = queueFill;
    this.sink = sink;
  }

  void start() {
    if (!settings.enabled()) {
      return;
    }
    if (threads.isThreadCpuTimeSupported() && !threads.isThreadCpuTimeEnabled()) {
      threads.setThreadCpuTimeEnabled(true);
    }
    ScheduledExecutorService t =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("tapio-load-monitor").daemon(true).unstarted(r));
    long every = settings.interval().toMillis();
    t.scheduleAtFixedRate(this::measure, every, every, TimeUnit.MILLISECONDS);
    timer = t;
  }

  private void measure() {
    sink.accept(Math.min(1.0, queueFill.getAsDouble()), cpuShare());
  }

  /** The pipeline thread's CPU time over wall time since the last call; 0 when not measurable. */
  private double cpuShare() {
    long cpu =
        threads.isThreadCpuTimeSupported()
            ? threads.getThreadCpuTime(pipelineThread.threadId())
            : -1;
    long wall = System.nanoTime();
    double share = 0;
    if (cpu >= 0 && lastCpu >= 0 && wall > lastWall) {
      share = Math.min(1.0, (double) (cpu - lastCpu) / (wall - lastWall));
    }
    lastCpu = cpu;
    lastWall = wall;
    return share;
  }

  @Override
  public void close() {
    ScheduledExecutorService t = timer;
    if (t != null) {
      t.shutdownNow();
    }
  }
}
