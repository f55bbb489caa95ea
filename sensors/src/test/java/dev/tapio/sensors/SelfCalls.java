package dev.tapio.sensors;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

/** Syscalls the tests make from this very process, so they know exactly what happened. */
final class SelfCalls {
  private static final Linker LINKER = Linker.nativeLinker();
  private static final MethodHandle OPEN =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("open").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle OPENAT =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("openat").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle CREAT =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("creat").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
  private static final MethodHandle CLOSE =
      LINKER.downcallHandle(
          LINKER.defaultLookup().find("close").orElseThrow(),
          FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  static final int O_RDONLY = 0;
  static final int O_DIRECTORY = 0200000;

  private SelfCalls() {}

  static int open(String path, int flags) throws Throwable {
    try (Arena a = Arena.ofConfined()) {
      return (int) OPEN.invokeExact(a.allocateFrom(path), flags);
    }
  }

  static int openat(int dfd, String path, int flags) throws Throwable {
    try (Arena a = Arena.ofConfined()) {
      return (int) OPENAT.invokeExact(dfd, a.allocateFrom(path), flags);
    }
  }

  static int creat(String path, int mode) throws Throwable {
    try (Arena a = Arena.ofConfined()) {
      return (int) CREAT.invokeExact(a.allocateFrom(path), mode);
    }
  }

  static void close(int fd) throws Throwable {
    int unused = (int) CLOSE.invokeExact(fd);
  }
}
