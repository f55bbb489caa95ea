package dev.tapio.sensors.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.sensors.Mechanism;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A kernel function's programs per prototype: the one the BTF's parameter count matches. */
class AttachmentTest {
  private final Attachment seccomp =
      Attachment.flavored(
          Mechanism.FENTRY,
          "__secure_computing",
          Attachment.Flavor.of(1, "with_sd"),
          Attachment.Flavor.of(0, "void"));

  @Test
  void theFlavorOfTheParameterCountIsLoaded() {
    assertThat(seccomp.programs()).containsExactly("with_sd", "void");
    assertThat(seccomp.programsFor(1)).contains(List.of("with_sd"));
    assertThat(seccomp.programsFor(0)).contains(List.of("void"));
    assertThat(seccomp.programsFor(2)).isEmpty();
    assertThat(seccomp.expectedParameters()).isEqualTo("0 or 1");
  }

  @Test
  void withoutFlavorsEveryProgramLoadsWhateverThePrototype() {
    Attachment plain = Attachment.at(Mechanism.FENTRY, "finalize_exec", "a", "b");
    assertThat(plain.programsFor(3)).contains(List.of("a", "b"));
    assertThat(
            Attachment.flavored(
                    Mechanism.FENTRY,
                    "f",
                    Attachment.Flavor.of(2, "two"),
                    Attachment.Flavor.of(0, "none"),
                    Attachment.Flavor.of(1, "one"))
                .expectedParameters())
        .isEqualTo("0, 1 or 2");
  }

  @Test
  void flavorsNeedTheirFunction() {
    assertThatThrownBy(
            () ->
                new Attachment(
                    Mechanism.FENTRY, List.of("a"), null, List.of(Attachment.Flavor.of(0, "a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
