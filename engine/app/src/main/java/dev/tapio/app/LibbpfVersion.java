package dev.tapio.app;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** Finds the system's libbpf and reports its version, or how to install it. */
public final class LibbpfVersion {
  static final String NOT_FOUND = "libbpf not found: install libbpf1";

  private LibbpfVersion() {}

  /** {@code libbpf 1.1}, or {@value #NOT_FOUND}. */
  public static String describe() {
    try {
      SymbolLookup lib =
          SymbolLookup.libraryLookup("libbpf.so.1", java.lang.foreign.Arena.global());
      Linker linker = Linker.nativeLinker();
      FunctionDescriptor intFn = FunctionDescriptor.of(ValueLayout.JAVA_INT);
      MethodHandle major = linker.downcallHandle(lib.findOrThrow("libbpf_major_version"), intFn);
      MethodHandle minor = linker.downcallHandle(lib.findOrThrow("libbpf_minor_version"), intFn);
      return "libbpf " + (int) major.invokeExact() + "." + (int) minor.invokeExact();
    } catch (Throwable e) {
      return NOT_FOUND;
    }
  }
}
