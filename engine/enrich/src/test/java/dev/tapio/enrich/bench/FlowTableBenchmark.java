package dev.tapio.enrich.bench;

import dev.tapio.enrich.flows.FlowEndpoint;
import dev.tapio.enrich.flows.FlowObservation;
import dev.tapio.enrich.flows.FlowTable;
import dev.tapio.enrich.flows.FlowTableMetrics;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the flow table costs per observation and how much memory it keeps when every observation is
 * a flow it has never seen: {@code distinctFlows} (a new source workload, service and port
 * combination each time, about 7.8 billion before one repeats), {@code distinctExternalAddresses}
 * (a new outside address each time, the address and its name made per observation as a sensor
 * would) and {@code knownFlow} (the steady state: one of 4,096 flows already in the table). The
 * table is flushed every 2^20 observations, as an interval would.
 *
 * <p>Run with {@code ./bench engine/enrich FlowTableBenchmark -prof gc}. After each iteration the
 * table prints its size, metrics and the heap it retains (used heap after a full GC, minus the same
 * before the table was built).
 */
@State(Scope.Thread)
@SuppressWarnings("NullAway.Init") // JMH fills the fields in @Setup
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FlowTableBenchmark {
  private static final int TCP = 6;
  private static final int FLUSH_EVERY = 1 << 20;

  private FlowEndpoint[] sources;
  private FlowEndpoint[] services;
  private FlowTable table;
  private long baselineHeap;
  private int next;

  @Setup(Level.Iteration)
  public void setUp() throws UnknownHostException {
    sources = new FlowEndpoint[1024];
    for (int i = 0; i < sources.length; i++) {
      sources[i] =
          new FlowEndpoint(
              FlowEndpoint.Kind.WORKLOAD,
              "Deployment:ns-" + (i % 32) + "/client-" + i,
              InetAddress.getByAddress(new byte[] {10, 1, (byte) (i >> 8), (byte) i}));
    }
    services = new FlowEndpoint[256];
    for (int i = 0; i < services.length; i++) {
      services[i] =
          new FlowEndpoint(
              FlowEndpoint.Kind.WORKLOAD,
              "StatefulSet:ns-" + (i % 32) + "/service-" + i,
              InetAddress.getByAddress(new byte[] {10, 2, 0, (byte) i}));
    }
    table = FlowTable.builder().maxFlows(16).build(); // the last iteration's is not in the baseline
    baselineHeap = heapAfterGc();
    table = FlowTable.builder().build(); // 16,384 flows, 1,024 external addresses
    next = 0;
    for (int i = 0; i < 4096; i++) {
      table.record(observation(i));
    }
  }

  private FlowObservation observation(int i) {
    return new FlowObservation(
        sources[i & 1023],
        services[(i >>> 10) & 255],
        1 + (i >>> 18) % 30_000,
        TCP,
        "allowed",
        null,
        1,
        10,
        1_500,
        10,
        9_000);
  }

  private void flushNow(int count) {
    if ((count & (FLUSH_EVERY - 1)) == 0) {
      table.flush(System.nanoTime());
    }
  }

  @TearDown(Level.Iteration)
  public void report() {
    FlowTableMetrics metrics = table.metrics();
    long retained = heapAfterGc() - baselineHeap;
    System.out.printf(
        "%n  table: size %,d, observations %,d, flows created %,d, evicted %,d,"
            + " external collapsed %,d, ephemeral collapsed %,d; retained heap %,d KiB%n",
        table.size(),
        metrics.observations(),
        metrics.flowsCreated(),
        metrics.flowsEvicted(),
        metrics.externalAddressesCollapsed(),
        metrics.ephemeralPortsCollapsed(),
        retained / 1024);
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Benchmark
  public void distinctFlows() {
    int i = 4096 + next++;
    table.record(observation(i));
    flushNow(i);
  }

  @Benchmark
  public void distinctExternalAddresses() throws UnknownHostException {
    int i = next++;
    InetAddress address =
        InetAddress.getByAddress(
            new byte[] {
              (byte) (100 + (i >>> 24 & 63)), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i
            });
    table.record(
        new FlowObservation(
            sources[i & 1023],
            FlowEndpoint.address(address),
            443,
            TCP,
            "no-policy",
            null,
            1,
            10,
            1_500,
            10,
            9_000));
    flushNow(i + 1);
  }

  @Benchmark
  public void knownFlow() {
    table.record(observation(next++ & 4095));
  }
}
