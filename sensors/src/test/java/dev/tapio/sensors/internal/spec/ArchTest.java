package dev.tapio.sensors.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.decode.SyscallTable;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The objects and syscall numbers are chosen by the JVM's os.arch. */
class ArchTest {
  @Test
  void osArchNamesChooseTheObjects() {
    assertThat(Arch.of("amd64")).contains(Arch.X86_64);
    assertThat(Arch.of("x86_64")).contains(Arch.X86_64);
    assertThat(Arch.of("aarch64")).contains(Arch.ARM64);
    assertThat(Arch.of("arm64")).contains(Arch.ARM64);
    assertThat(Arch.of("s390x")).isEqualTo(Optional.empty());
    assertThat(Arch.X86_64.resources()).isEqualTo("/dev/tapio/bpf/");
    assertThat(Arch.ARM64.resources()).isEqualTo("/dev/tapio/bpf/arm64/");
    assertThat(SensorCatalog.FILE.resource(Arch.ARM64))
        .isEqualTo("/dev/tapio/bpf/arm64/file.bpf.o");
  }

  @Test
  void thisJvmGetsItsOwnArchitecture() {
    Arch here = Arch.of(System.getProperty("os.arch")).orElseThrow();
    assertThat(Arch.current()).isEqualTo(here);
    assertThat(SensorCatalog.PROCESS.resource()).isEqualTo(here.resources() + "process.bpf.o");
    assertThat(SyscallTable.built()).isSameAs(SyscallTable.of(here));
  }

  @Test
  void auditArchitecturesAreTheKernelsAuditArchConstants() {
    assertThat(Arch.ofAudit(0xc000003eL)).contains(Arch.X86_64);
    assertThat(Arch.ofAudit(0xc00000b7L)).contains(Arch.ARM64);
    assertThat(Arch.ofAudit(0x40000003L)).isEmpty(); // i386
  }

  @Test
  void eachArchitectureHasItsOwnSyscallNumbers() {
    SyscallTable x86 = SyscallTable.of(Arch.X86_64);
    SyscallTable arm64 = SyscallTable.of(Arch.ARM64);
    assertThat(x86.number("openat")).isEqualTo(257);
    assertThat(arm64.number("openat")).isEqualTo(56);
    assertThat(x86.number("open")).isEqualTo(2);
    assertThat(arm64.number("open")).isEqualTo(-1);
    // defined through __NR3264_fcntl in asm-generic: expanded, not lost
    assertThat(arm64.number("fcntl")).isEqualTo(25);
    assertThat(arm64.name(105)).isEqualTo("init_module");
    assertThat(arm64.size()).isGreaterThan(250);
  }
}
