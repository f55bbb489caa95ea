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
import java.util.Deque;
import java.util.List;

/**
 * Receives libbpf's log lines instead of letting it print to stderr, keeping the last lines per
 * thread so a failed load can say what the verifier said. The callback formats libbpf's {@code
 * va_list} with libc's {@code vsnprintf} and never lets an exception out (one escaping an upcall
 * aborts the JVM).
 */
public final class LibbpfLog {
  private static final int KEEP_LINES = 40;
  private static final int LINE_BYTES = 1024;
  private static final ThreadLocal<Deque<String>> LINES = ThreadLocal.withInitial(ArrayDeque::new);
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
    LINES.get().clear();
  }

  /** This thread's most recent lines, oldest first. */
  public static List<String> lines() {
    return List.copyOf(LINES.get());
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
      Deque<String> lines = LINES.get();
      for (String line : text.lines().toList()) {
        if (lines.size() == KEEP_LINES) {
          lines.removeFirst();
        }
        lines.addLast(line);
      }
      return n;
    } catch (Throwable t) {
      return 0;
    }
  }
}
