package dev.tapio.sensors.internal.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;

/** Shared FFM plumbing: the linker, symbol lookups, errno capture. */
final class Native {
  static final Linker LINKER = Linker.nativeLinker();
  static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

  private Native() {}

  /** A library by soname, or empty when the dynamic loader cannot find it. */
  static Optional<SymbolLookup> library(String soname) {
    try {
      return Optional.of(SymbolLookup.libraryLookup(soname, Arena.global()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * A downcall handle for {@code name}; when the symbol is missing, a handle of the same type that
   * throws {@link UnsatisfiedLinkError}, so callers keep one code path and fail clearly.
   */
  static MethodHandle downcall(
      Optional<SymbolLookup> lookup, String name, FunctionDescriptor desc, boolean errno) {
    return downcall(lookup, name, desc, errno, -1);
  }

  /**
   * As above, for a variadic C function whose fixed arguments are the first {@code firstVariadic}
   * ones (-1: not variadic).
   */
  static MethodHandle downcall(
      Optional<SymbolLookup> lookup,
      String name,
      FunctionDescriptor desc,
      boolean errno,
      int firstVariadic) {
    java.util.List<Linker.Option> list = new java.util.ArrayList<>();
    if (errno) {
      list.add(CAPTURE_ERRNO);
    }
    if (firstVariadic >= 0) {
      list.add(Linker.Option.firstVariadicArg(firstVariadic));
    }
    Linker.Option[] options = list.toArray(Linker.Option[]::new);
    Optional<MemorySegment> symbol = lookup.flatMap(l -> l.find(name));
    if (symbol.isPresent()) {
      return LINKER.downcallHandle(symbol.get(), desc, options);
    }
    MethodHandle type = LINKER.downcallHandle(desc, options);
    MethodHandle thrower =
        MethodHandles.throwException(type.type().returnType(), UnsatisfiedLinkError.class);
    MethodHandle withError =
        MethodHandles.foldArguments(
            thrower, MethodHandles.constant(UnsatisfiedLinkError.class, missing(name)));
    return MethodHandles.dropArguments(
        withError, 0, type.type().dropParameterTypes(0, 1).parameterList());
  }

  private static UnsatisfiedLinkError missing(String name) {
    return new UnsatisfiedLinkError("native symbol not found: " + name);
  }

  /** A segment to pass as the first argument of a handle made with {@code errno = true}. */
  static MemorySegment captureSegment(Arena arena) {
    return arena.allocate(CAPTURE_LAYOUT);
  }

  static int errno(MemorySegment capture) {
    return (int) ERRNO.get(capture, 0L);
  }

  /** Wraps what a native call threw (only linkage errors, in practice) as unchecked. */
  static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
