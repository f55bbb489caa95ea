package dev.tapio.sensors.internal.ffm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Receives libbpf's log lines instead of letting it print to stderr, keeping the first and the last
 * lines per thread so a failed load can say what the verifier said (libbpf prints a refused
 * program's whole verifier log in one call; its first lines say where, its last ones why). The
 * callback formats libbpf's {@code va_list} with libc's {@code vsnprintf} and never lets an
 * exception out (one escaping an upcall aborts the JVM).
 */
public final class LibbpfLog {
  private static final int KEEP_FIRST = 8;
  private static final int KEEP_LINES = 40;
  private static final int LINE_BYTES = 64 * 1024;

  /** Stands for the lines left out between the first and the last ones kept. */
  public static final String ELIDED = "...";

  /** The last line of a message longer than the buffer. */
  public static final String TRUNCATED = "(libbpf message truncated at %d of %d bytes)";

  private static final ThreadLocal<List<String>> FIRST = ThreadLocal.withInitial(ArrayList::new);
  private static final ThreadLocal<Deque<String>> LINES = ThreadLocal.withInitial(ArrayDeque::new);
  private static final ThreadLocal<boolean[]> ELIDING =
      ThreadLocal.withInitial(() -> new boolean[1]);
  private static final ThreadLocal<MemorySegment> BUFFER =
      ThreadLocal.withInitial(() -> Arena.global().allocate(LINE_BYTES));
  private static volatile boolean installed;

  private LibbpfLog() {}

  /** Routes libbpf's output here (once per JVM). */
  public static synchronized void install() {
    if (installed || !Libbpf1.available()) {
      return;
    }
    try {
      var handle =
          MethodHandles.lookup()
              .findStatic(
                  LibbpfLog.class,
                  "print",
                  MethodType.methodType(
                      int.class, int.class, MemorySegment.class, MemorySegment.class));
      MemorySegment stub =
          Native.LINKER.upcallStub(
              handle, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Arena.global());
      Libbpf1.setPrint(stub);
      installed = true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Forgets this thread's lines, before an operation whose log matters. */
  public static void clear() {
    FIRST.get().clear();
    LINES.get().clear();
    ELIDING.get()[0] = false;
  }

  /**
   * This thread's lines since {@link #clear}, oldest first: the first few and the most recent, with
   * {@link #ELIDED} between them when lines were left out.
   */
  public static List<String> lines() {
    List<String> out = new ArrayList<>(FIRST.get());
    if (ELIDING.get()[0]) {
      out.add(ELIDED);
    }
    out.addAll(LINES.get());
    return List.copyOf(out);
  }

  /** Keeps {@code line}: among the first ones, else among the last, forgetting the oldest. */
  static void keep(String line) {
    List<String> first = FIRST.get();
    if (first.size() < KEEP_FIRST) {
      first.add(line);
      return;
    }
    Deque<String> lines = LINES.get();
    if (lines.size() == KEEP_LINES) {
      lines.removeFirst();
      ELIDING.get()[0] = true;
    }
    lines.addLast(line);
  }

  @SuppressWarnings("unused") // called from native code
  private static int print(int level, MemorySegment format, MemorySegment args) {
    try {
      MemorySegment buf = BUFFER.get();
      int n = Libc.vsnprintf(buf, LINE_BYTES, format, args);
      if (n <= 0) {
        return 0;
      }
      String text = buf.getString(0, StandardCharsets.UTF_8).stripTrailing();
      for (String line : text.lines().toList()) {
        keep(line);
      }
      if (n >= LINE_BYTES) {
        keep(TRUNCATED.formatted(LINE_BYTES - 1, n));
      }
      return n;
    } catch (Throwable t) {
      return 0;
    }
  }
}
