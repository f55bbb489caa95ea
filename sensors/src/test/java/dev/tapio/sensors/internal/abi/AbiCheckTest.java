package dev.tapio.sensors.internal.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.Btf;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated ABI against the BTF of the objects built from bpf/ (no root needed). */
class AbiCheckTest {
  private static final String LIBBPF =
      "SKIPPED LOUDLY: libbpf.so.1 missing: apt-get install libbpf1";

  private static byte[] object(String name) {
    return LibbpfBackend.objectBytes("/dev/tapio/bpf/" + name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"process.bpf.o", "file.bpf.o", "priv.bpf.o"})
  void theGeneratedAbiMatchesEveryCompiledObject(String object) throws Exception {
    assumeTrue(Libbpf1.available(), LIBBPF);
    try (BpfObject obj = BpfObject.open(object, object(object))) {
      assertThat(AbiCheck.differences(obj.btf())).isEmpty();
    }
  }

  @Test
  void aMutatedExpectationFailsAgainstTheRealObject() throws Exception {
    assumeTrue(Libbpf1.available(), LIBBPF);
    List<StructLayout> structs = new ArrayList<>();
    for (StructLayout s : Abi.STRUCTS) {
      structs.add(
          !s.name().equals("tapio_open_event")
              ? s
              : new StructLayout(
                  s.name(),
                  s.size(),
                  s.members().stream()
                      .map(
                          m ->
                              m.name().equals("flags")
                                  ? new StructLayout.Member("flags", m.offset() + 4, m.size())
                                  : m)
                      .toList()));
    }
    List<EnumLayout> enums = new ArrayList<>();
    for (EnumLayout e : Abi.ENUMS) {
      enums.add(
          !e.name().equals("tapio_change_syscall")
              ? e
              : new EnumLayout(
                  e.name(),
                  e.constants().stream()
                      .map(
                          c ->
                              c.name().equals("TAPIO_CHG_RENAMEAT2")
                                  ? new EnumLayout.Constant(c.name(), 42)
                                  : c)
                      .toList()));
    }
    try (BpfObject obj = BpfObject.open("file.bpf.o", object("file.bpf.o"))) {
      Btf btf = obj.btf();
      assertThat(AbiCheck.differences(structs, enums, btf::struct, btf::enumeration))
          .containsExactly(
              "tapio_open_event.flags is at offset 76 size 4, the decoder expects offset 80 size 4",
              "TAPIO_CHG_RENAMEAT2 is 3, the decoder expects 42");
    }
  }

  /**
   * An object built from a different header: the enumerator and member names are renamed in the
   * object's BTF strings (same length, so the ELF stays valid), as if events.h had changed after
   * Java was generated.
   */
  @Test
  void anObjectFromAChangedHeaderIsRefused() throws Exception {
    assumeTrue(Libbpf1.available(), LIBBPF);
    byte[] elf = object("process.bpf.o");
    rename(elf, "TAPIO_FORK_CLONE3", "TAPIO_FORK_CLONE4");
    rename(elf, "group_dead", "group_gone");
    try (BpfObject obj = BpfObject.open("process.bpf.o", elf)) {
      assertThat(AbiCheck.differences(obj.btf()))
          .containsExactly(
              "tapio_exit_event.group_dead is not in the object's BTF",
              "tapio_exit_event.group_gone is in the object's BTF but not in the decoder's ABI",
              "TAPIO_FORK_CLONE3 (enum tapio_fork_syscall) is not in the object's BTF",
              "TAPIO_FORK_CLONE4 = 2 (enum tapio_fork_syscall) is in the object's BTF but not in"
                  + " the decoder's ABI");
    }
  }

  /** Renames the NUL-delimited string {@code from} wherever it occurs (BTF's string section). */
  private static void rename(byte[] elf, String from, String to) {
    byte[] f = ("\0" + from + "\0").getBytes(StandardCharsets.US_ASCII);
    byte[] t = ("\0" + to + "\0").getBytes(StandardCharsets.US_ASCII);
    int found = 0;
    for (int i = 0; i + f.length <= elf.length; i++) {
      if (Arrays.equals(elf, i, i + f.length, f, 0, f.length)) {
        System.arraycopy(t, 0, elf, i, t.length);
        found++;
      }
    }
    assertThat(found).as("occurrences of %s", from).isPositive();
  }

  @Test
  void everyDifferenceIsNamed() {
    StructLayout expected =
        new StructLayout(
            "tapio_open_event",
            96,
            List.of(
                new StructLayout.Member("result", 64, 8),
                new StructLayout.Member("flags", 76, 4),
                new StructLayout.Member("gone", 90, 2)));
    Btf.Struct actual =
        new Btf.Struct(
            "tapio_open_event",
            104,
            Map.of(
                "result", new Btf.Member(72, 8),
                "flags", new Btf.Member(76, 4),
                "added", new Btf.Member(96, 8)));
    EnumLayout kinds =
        new EnumLayout(
            "tapio_event_kind",
            List.of(
                new EnumLayout.Constant("TAPIO_EV_EXEC", 1),
                new EnumLayout.Constant("TAPIO_EV_FORK", 2),
                new EnumLayout.Constant("TAPIO_EV_EXIT", 3)));
    Btf.Enum actualKinds =
        new Btf.Enum(
            "tapio_event_kind", Map.of("TAPIO_EV_EXEC", 1L, "TAPIO_EV_FORK", 7L, "TAPIO_EV_X", 9L));
    List<String> diffs =
        AbiCheck.differences(
            List.of(expected, new StructLayout("tapio_missing", 8, List.of())),
            List.of(kinds, new EnumLayout("tapio_gone", List.of())),
            name -> name.equals("tapio_open_event") ? Optional.of(actual) : Optional.empty(),
            name -> name.equals("tapio_event_kind") ? Optional.of(actualKinds) : Optional.empty());
    assertThat(diffs)
        .containsExactly(
            "sizeof(struct tapio_open_event) is 104, the decoder expects 96",
            "tapio_open_event.result is at offset 72 size 8, the decoder expects offset 64 size 8",
            "tapio_open_event.gone is not in the object's BTF",
            "tapio_open_event.added is in the object's BTF but not in the decoder's ABI",
            "struct tapio_missing is not in the object's BTF",
            "TAPIO_EV_FORK is 7, the decoder expects 2",
            "TAPIO_EV_EXIT (enum tapio_event_kind) is not in the object's BTF",
            "TAPIO_EV_X = 9 (enum tapio_event_kind) is in the object's BTF but not in the decoder's"
                + " ABI",
            "enum tapio_gone is not in the object's BTF");
  }
}
