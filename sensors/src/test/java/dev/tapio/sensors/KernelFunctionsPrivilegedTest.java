package dev.tapio.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.ffm.KernelFunctions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The running kernel's BTF, read for the functions hooks attach to: a syscall's wrapper counts only
 * when it takes the user registers, other functions whenever BTF describes them.
 */
@Tag("privileged")
class KernelFunctionsPrivilegedTest {
  private static final String WRAPPER =
      System.getProperty("os.arch").equals("aarch64") ? "__arm64_sys_" : "__x64_sys_";

  @Test
  void aSyscallWrapperThatTakesTheRegistersIsThere() {
    Privileged.assumeBpf();
    KernelFunctions functions = new KernelFunctions();
    // openat's and setns's wrappers are in the BTF of every kernel Tapio runs on (5.10 to 7.x),
    // taking the registers.
    assertThat(functions.has(WRAPPER + "openat")).isTrue();
    assertThat(functions.has(WRAPPER + "setns")).isTrue();
  }

  @Test
  void aFunctionBtfLacksIsNot() {
    Privileged.assumeBpf();
    KernelFunctions functions = new KernelFunctions();
    assertThat(functions.has(WRAPPER + "tapio_no_such_syscall")).isFalse();
    assertThat(functions.has("tapio_no_such_function")).isFalse();
  }

  @Test
  void otherFunctionsNeedOnlyBeDescribed() {
    Privileged.assumeBpf();
    // finalize_exec (4.18) takes a struct linux_binprm *, not the registers: still a function.
    assertThat(new KernelFunctions().has("finalize_exec")).isTrue();
  }

  @Test
  void aFunctionsParametersAreCounted() {
    Privileged.assumeBpf();
    KernelFunctions functions = new KernelFunctions();
    // finalize_exec(struct linux_binprm *), a wrapper (const struct pt_regs *): one each
    assertThat(functions.parameters("finalize_exec")).hasValue(1);
    assertThat(functions.parameters(WRAPPER + "openat")).hasValue(1);
    // __secure_computing(const struct seccomp_data *sd) to 6.12, (void) since
    assertThat(functions.parameters("__secure_computing").getAsInt()).isBetween(0, 1);
    assertThat(functions.parameters("tapio_no_such_function")).isEmpty();
  }
}
