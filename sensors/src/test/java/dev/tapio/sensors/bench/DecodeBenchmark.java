package dev.tapio.sensors.bench;

import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import dev.tapio.api.event.Event;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.ExecEvent;
import dev.tapio.sensors.internal.abi.Abi.Header;
import dev.tapio.sensors.internal.abi.Abi.OpenEvent;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
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
            EventKind.EXEC,
            ExecEvent.SIZEOF,
            new int[] {
              ExecEvent.FILENAME_LEN, ExecEvent.ARGV_LEN, ExecEvent.EXE_LEN, ExecEvent.CWD_LEN
            },
            "/usr/bin/curl",
            "curl\0-fsSL\0-o\0/tmp/x\0https://example.com/install.sh\0",
            "/usr/bin/curl",
            "/home/user/project");
    open =
        record(
            EventKind.OPEN,
            OpenEvent.SIZEOF,
            new int[] {OpenEvent.RAW_LEN, OpenEvent.PATH_LEN},
            "../etc/hosts",
            "/etc/hosts");
    open.set(JAVA_SHORT_UNALIGNED, OpenEvent.SYSCALL, (short) OpenSyscall.OPENAT.value());
    // Decoded once here, so a fixture the decoder refuses fails before anything is measured.
    decodeExec();
    decodeOpen();
  }

  private static MemorySegment record(
      EventKind kind, int fixed, int[] lenOffsets, String... pieces) {
    byte[][] data = new byte[pieces.length][];
    int size = fixed;
    for (int i = 0; i < pieces.length; i++) {
      data[i] = pieces[i].getBytes(StandardCharsets.UTF_8);
      size += data[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.putShort(Header.KIND, (short) kind.value()).putInt(Header.SIZE, size);
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
