package dev.tapio.sensors;

import dev.tapio.sensors.internal.ffm.Libbpf1;
import java.util.Optional;

/** The libbpf the sensors run on. */
public final class Libbpf {
  /** Why {@link #version()} is empty. */
  public static final String NOT_FOUND = "libbpf not found: install libbpf1";

  private Libbpf() {}

  /** {@code "1.1"}, or empty when libbpf.so.1 cannot be loaded (see {@link #NOT_FOUND}). */
  public static Optional<String> version() {
    if (!Libbpf1.available()) {
      return Optional.empty();
    }
    return Optional.of(Libbpf1.majorVersion() + "." + Libbpf1.minorVersion());
  }

  /** {@code libbpf 1.1}, or {@link #NOT_FOUND}: what {@code tapio version} prints. */
  public static String describe() {
    return version().map(v -> "libbpf " + v).orElse(NOT_FOUND);
  }
}
