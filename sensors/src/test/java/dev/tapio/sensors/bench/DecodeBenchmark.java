package dev.tapio.sensors.bench;

import dev.tapio.api.event.Event;
import dev.tapio.sensors.internal.decode.EventDecoder;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Records decoded per second, from native memory as the ring reader hands them over: a typical exec
 * (four strings, five arguments) and a successful openat. Run with {@code ./bench sensors
 * DecodeBenchmark} from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
  private final EventDecoder decoder = new EventDecoder(1_700_000_000_000_000_000L);
  private MemorySegment exec;
  private MemorySegment open;

  @Setup
  public void setUp() {
    exec =
        record(
            1,
            152,
            new int[] {144, 146, 148, 150},
            "/usr/bin/curl",
            "curl\0-fsSL\0-o\0/tmp/x\0https://example.com/install.sh\0",
            "/usr/bin/curl",
            "/home/user/project");
    open = record(4, 96, new int[] {88, 90}, "../etc/hosts", "/etc/hosts");
  }

  private static MemorySegment record(int kind, int fixed, int[] lenOffsets, String... pieces) {
    byte[][] data = new byte[pieces.length][];
    int size = fixed;
    for (int i = 0; i < pieces.length; i++) {
      data[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
      size += data[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(24, (short) kind).putInt(28, size);
    int at = fixed;
    for (int i = 0; i < data.length; i++) {
      b.putShort(lenOffsets[i], (short) data[i].length);
      b.put(at, data[i]);
      at += data[i].length;
    }
    MemorySegment native_ = Arena.global().allocate(size, 8);
    MemorySegment.copy(MemorySegment.ofArray(b.array()), 0, native_, 0, size);
    return native_;
  }

  @Benchmark
  public Event decodeExec() {
    return decoder.decode(exec);
  }

  @Benchmark
  public Event decodeOpen() {
    return decoder.decode(open);
  }
}
