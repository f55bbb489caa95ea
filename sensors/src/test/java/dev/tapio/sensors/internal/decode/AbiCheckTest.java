package dev.tapio.sensors.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.sensors.internal.ffm.BpfObject;
import dev.tapio.sensors.internal.ffm.Btf;
import dev.tapio.sensors.internal.ffm.Libbpf1;
import dev.tapio.sensors.internal.load.LibbpfBackend;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoders' layouts against the BTF of the objects built from bpf/ (no root needed). */
class AbiCheckTest {
  @ParameterizedTest
  @ValueSource(strings = {"process.bpf.o", "file.bpf.o"})
  void decodersMatchTheCompiledObjects(String object) throws Exception {
    assumeTrue(Libbpf1.available(), "SKIPPED LOUDLY: libbpf.so.1 missing: apt-get install libbpf1");
    try (BpfObject obj =
        BpfObject.open(object, LibbpfBackend.objectBytes("/dev/tapio/bpf/" + object))) {
      Btf btf = obj.btf();
      assertThat(AbiCheck.differences(Records.LAYOUTS, btf::struct, false)).isEmpty();
    }
  }

  @Test
  void everyDifferenceIsNamed() {
    RecordLayout expected =
        RecordLayout.of("tapio_open_event", 96)
            .field("result", 64, 8)
            .field("flags", 76, 4)
            .field("gone", 90, 2)
            .build();
    Btf.Struct actual =
        new Btf.Struct(
            "tapio_open_event",
            104,
            Map.of("result", new Btf.Member(72, 8), "flags", new Btf.Member(76, 4)));
    List<String> diffs =
        AbiCheck.differences(
            List.of(expected, RecordLayout.of("tapio_missing", 8).build()),
            name -> name.equals("tapio_open_event") ? Optional.of(actual) : Optional.empty(),
            false);
    assertThat(diffs)
        .containsExactly(
            "sizeof(struct tapio_open_event) is 104, the decoder expects 96",
            "tapio_open_event.result is at offset 72 size 8, the decoder expects offset 64 size 8",
            "tapio_open_event.gone is not in the object's BTF",
            "struct tapio_missing is not in the object's BTF");
  }
}
