package dev.tapio.sensors.internal.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * A CPU architecture the BPF objects are built for ({@code bpf/Makefile}): where its objects and
 * syscall table sit in the jar, and how the audit subsystem names it. The running JVM's is chosen
 * by {@code os.arch}.
 */
public enum Arch {
  X86_64("x86-64", "/dev/tapio/bpf/", 0xc000003eL, "__x64_sys_"),
  ARM64("arm64", "/dev/tapio/bpf/arm64/", 0xc00000b7L, "__arm64_sys_");

  private final String label;
  private final String resources;
  private final long auditArch;
  private final String syscallFunctionPrefix;

  Arch(String label, String resources, long auditArch, String syscallFunctionPrefix) {
    this.label = label;
    this.resources = resources;
    this.auditArch = auditArch;
    this.syscallFunctionPrefix = syscallFunctionPrefix;
  }

  /**
   * The kernel function a syscall enters through here ({@code __x64_sys_setns}), as {@code
   * TAPIO_SYSCALL_FN} in {@code bpf/lib/syscall.h} names it for the fentry/fexit sections.
   */
  public String syscallFunction(String syscall) {
    return syscallFunctionPrefix + syscall;
  }

  /** The name statuses use: {@code x86-64}, {@code arm64}. */
  public String label() {
    return label;
  }

  /** The jar folder of this architecture's objects and syscall table, ending in a slash. */
  public String resources() {
    return resources;
  }

  /** {@code AUDIT_ARCH_*}, the {@code arch=} field of audit records (in hex there). */
  public long auditArch() {
    return auditArch;
  }

  /** The architecture of a JVM's {@code os.arch}, when objects are built for it. */
  public static Optional<Arch> of(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> Optional.of(X86_64);
      case "aarch64", "arm64" -> Optional.of(ARM64);
      default -> Optional.empty();
    };
  }

  /** The audit record's architecture, when objects are built for it. */
  public static Optional<Arch> ofAudit(long auditArch) {
    for (Arch a : values()) {
      if (a.auditArch == auditArch) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * This JVM's architecture. Another one gets the x86-64 objects, whose load then fails with
   * libbpf's reason in each sensor's status.
   */
  public static Arch current() {
    return of(System.getProperty("os.arch", "")).orElse(X86_64);
  }
}
