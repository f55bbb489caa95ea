package dev.tapio.sensors.internal.spec;

import dev.tapio.sensors.Mechanism;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One way to run a hook: the programs in the sensor's object that attach together by a mechanism
 * (one, or a sys_enter and sys_exit pair), and the kernel function they need when they attach to
 * one (fentry, fexit, BPF LSM), looked up in the kernel's BTF before loading.
 */
public record Attachment(Mechanism mechanism, List<String> programs, @Nullable String function) {
  public Attachment {
    programs = List.copyOf(programs);
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("an attachment by " + mechanism + " has no program");
    }
  }

  public Attachment(Mechanism mechanism, String program) {
    this(mechanism, List.of(program), null);
  }

  /** Programs attached to a kernel function, which must be in the kernel's BTF. */
  public static Attachment at(Mechanism mechanism, String function, String... programs) {
    return new Attachment(mechanism, List.of(programs), function);
  }

  /** Programs attached together, e.g. a sys_enter and sys_exit pair. */
  public static Attachment of(Mechanism mechanism, String... programs) {
    return new Attachment(mechanism, List.of(programs), null);
  }
}
