package dev.tapio.sensors.internal.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.sensors.internal.abi.Abi.ChangeSyscall;
import dev.tapio.sensors.internal.abi.Abi.EventKind;
import dev.tapio.sensors.internal.abi.Abi.ForkSyscall;
import dev.tapio.sensors.internal.abi.Abi.OpenSyscall;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the generator derives from events.h: names, lookups, and the bounds C relies on. */
class AbiTest {
  @Test
  void enumeratorNamesBecomeTheNamesJavaShows() {
    assertThat(Stream.of(EventKind.values()).map(EventKind::label))
        .containsExactly(
            "exec", "fork", "exit", "open", "change", "priv", "cgroup", "seccomp", "lsm", "socket",
            "drop");
    assertThat(ChangeSyscall.RENAMEAT2.label()).isEqualTo("renameat2");
    assertThat(ForkSyscall.CLONE3.label()).isEqualTo("clone3");
    assertThat(OpenSyscall.OPENAT2.label()).isEqualTo("openat2");
  }

  @Test
  void valuesLookUpTheirConstantAndUnknownValuesAreRefused() {
    assertThat(ChangeSyscall.of(3)).isEqualTo(ChangeSyscall.RENAMEAT2);
    assertThat(EventKind.of(EventKind.CHANGE.value())).isEqualTo(EventKind.CHANGE);
    assertThatThrownBy(() -> ChangeSyscall.of(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown enum tapio_change_syscall value 99");
  }

  /** The drop and throttle counters are per-CPU arrays of TAPIO_LIMIT_KINDS slots. */
  @Test
  void everyRecordKindHasACounterSlot() {
    assertThat(EventKind.values())
        .allSatisfy(k -> assertThat(k.value()).isBetween(1, Abi.Limit.KINDS.value() - 1));
  }

  @Test
  void structsAndEnumsAreListedForTheLoadTimeCheck() {
    assertThat(Abi.STRUCTS.stream().map(StructLayout::name))
        .contains("tapio_header", "tapio_exec_event", "tapio_change_event", "tapio_config");
    assertThat(Abi.ENUMS.stream().map(EnumLayout::name))
        .contains("tapio_event_kind", "tapio_change_syscall", "tapio_path_kind");
    assertThat(Abi.Header.SIZEOF).isEqualTo(Abi.ExecEvent.HDR_SIZE);
  }
}
