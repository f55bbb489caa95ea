package dev.tapio.sensors.internal.spec;

import dev.tapio.sensors.Mechanism;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One way to run a hook: the programs in the sensor's object that attach together by a mechanism
 * (one, or a sys_enter and sys_exit pair), and the kernel function they need when they attach to
 * one (fentry, fexit, BPF LSM), looked up in the kernel's BTF before loading.
 *
 * <p>A function whose prototype changed between kernels has a program per prototype, {@link
 * #flavors()}, each written for the number of parameters it takes (an fexit program finds the
 * return value after the parameters): the loader loads the one the kernel's BTF matches, and {@link
 * #programs()} lists them all.
 */
public record Attachment(
    Mechanism mechanism, List<String> programs, @Nullable String function, List<Flavor> flavors) {
  /** The programs of a kernel function whose prototype has {@code parameters} parameters. */
  public record Flavor(int parameters, List<String> programs) {
    public Flavor {
      programs = List.copyOf(programs);
    }

    public static Flavor of(int parameters, String... programs) {
      return new Flavor(parameters, List.of(programs));
    }
  }

  public Attachment {
    programs = List.copyOf(programs);
    flavors = List.copyOf(flavors);
    if (programs.isEmpty()) {
      throw new IllegalArgumentException("an attachment by " + mechanism + " has no program");
    }
    if (!flavors.isEmpty()
        && (function == null
            || !programs.equals(flavors.stream().flatMap(f -> f.programs().stream()).toList()))) {
      throw new IllegalArgumentException("flavors of " + programs + " need their function");
    }
  }

  public Attachment(Mechanism mechanism, List<String> programs, @Nullable String function) {
    this(mechanism, programs, function, List.of());
  }

  public Attachment(Mechanism mechanism, String program) {
    this(mechanism, List.of(program), null);
  }

  /** Programs attached to a kernel function, which must be in the kernel's BTF. */
  public static Attachment at(Mechanism mechanism, String function, String... programs) {
    return new Attachment(mechanism, List.of(programs), function);
  }

  /**
   * A kernel function's programs, one flavor per prototype: the one whose number of parameters the
   * kernel's BTF gives is loaded.
   */
  public static Attachment flavored(Mechanism mechanism, String function, Flavor... flavors) {
    return new Attachment(
        mechanism,
        java.util.Arrays.stream(flavors).flatMap(f -> f.programs().stream()).toList(),
        function,
        List.of(flavors));
  }

  /** Programs attached together, e.g. a sys_enter and sys_exit pair. */
  public static Attachment of(Mechanism mechanism, String... programs) {
    return new Attachment(mechanism, List.of(programs), null);
  }

  /**
   * The programs to load where the kernel function takes {@code parameters} parameters: all of them
   * without flavors, else the matching flavor's, none when no flavor matches.
   */
  public Optional<List<String>> programsFor(int parameters) {
    if (flavors.isEmpty()) {
      return Optional.of(programs);
    }
    return flavors.stream()
        .filter(f -> f.parameters() == parameters)
        .findFirst()
        .map(Flavor::programs);
  }

  /** The numbers of parameters the flavors are written for, in words: {@code 0 or 1}. */
  public String expectedParameters() {
    return flavors.stream()
        .map(f -> Integer.toString(f.parameters()))
        .sorted()
        .collect(Collectors.collectingAndThen(Collectors.toList(), Attachment::or));
  }

  private static String or(List<String> words) {
    return words.size() < 2
        ? String.join("", words)
        : String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
  }
}
