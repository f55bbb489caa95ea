package dev.tapio.sensors.internal.spec;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the catalog would attach on an architecture, as the plain text the arm64 guest's loader
 * ({@code kernels/arm64/loader.c}) reads, so the list of programs is never written twice: per
 * object (each sensor's and its floor's), {@code object NAME}, then {@code hook HOOK PROGRAM…} (the
 * programs of the ladder's rungs, best first; a rung of two programs, such as a sys_enter and
 * sys_exit pair, gives both in order; a program written for one prototype of its kernel function as
 * {@code PROGRAM@N}) for every hook the architecture has, followed by {@code syscall NAME} for a
 * syscall's hook, and {@code absent HOOK SYSCALL} for those whose syscall it lacks.
 *
 * <pre>java -cp sensors/target/classes dev.tapio.sensors.internal.spec.CatalogPlan arm64</pre>
 */
public final class CatalogPlan {
  private CatalogPlan() {}

  public static String of(Arch arch, Predicate<String> hasSyscall) {
    StringBuilder out = new StringBuilder();
    out.append("# What the sensor catalog attaches on ").append(arch.label()).append('\n');
    for (SensorSpec sensor : SensorCatalog.ALL) {
      for (SensorSpec spec : List.of(sensor, sensor.floor())) {
        out.append("object ").append(spec.object()).append('\n');
        for (ProgramSpec p : spec.programs()) {
          if (p.existsWith(hasSyscall)) {
            out.append("hook ")
                .append(p.hook())
                .append(' ')
                .append(
                    p.ladder().stream()
                        .flatMap(CatalogPlan::programs)
                        .collect(Collectors.joining(" ")))
                .append('\n');
            if (p.syscall() != null) {
              out.append("syscall ").append(p.syscall()).append('\n');
            }
          } else {
            out.append("absent ").append(p.hook()).append(' ').append(p.syscall()).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A rung's programs; one written for a kernel function's prototype as {@code PROGRAM@N}, N its
   * number of parameters, so the loader loads it only where the kernel's function has N.
   */
  private static java.util.stream.Stream<String> programs(Attachment rung) {
    if (rung.flavors().isEmpty()) {
      return rung.programs().stream();
    }
    return rung.flavors().stream()
        .flatMap(f -> f.programs().stream().map(program -> program + "@" + f.parameters()));
  }

  /**
   * Prints the plan of the architecture named by the one argument ({@code arm64}, {@code x86_64}).
   */
  public static void main(String[] args) {
    if (args.length != 1 || Arch.of(args[0]).isEmpty()) {
      System.err.println("usage: CatalogPlan arm64|x86_64");
      System.exit(2);
    }
    Arch arch = Arch.of(args[0]).orElseThrow();
    System.out.print(of(arch, dev.tapio.sensors.internal.decode.SyscallTable.of(arch)::has));
  }
}
