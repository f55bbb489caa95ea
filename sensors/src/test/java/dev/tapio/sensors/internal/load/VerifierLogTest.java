package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierLogTest {
  private static final String BEGIN = "libbpf: prog 'p': -- BEGIN PROG LOAD LOG --";
  private static final String END = "-- END PROG LOAD LOG --";

  @Test
  void aLongLogIsShortenedToItsFirstAndLastTwoLines() {
    List<String> libbpf =
        List.of(
            "libbpf: prog 'p': BPF program load failed: Permission denied",
            BEGIN,
            "0: R1=ctx() R10=fp0",
            "1: (79) r2 = *(u64 *)(r1 +0)",
            "",
            "2: (61) r3 = *(u32 *)(r2 +0)",
            "R2 invalid mem access 'scalar'",
            "processed 3 insns (limit 1000000)",
            END,
            "libbpf: prog 'p': failed to load: -13");
    assertThat(VerifierLog.summary(libbpf))
        .isEqualTo(
            "verifier: 0: R1=ctx() R10=fp0 ... R2 invalid mem access 'scalar' | processed 3 insns"
                + " (limit 1000000)");
  }

  @Test
  void aShortLogIsKeptWhole() {
    assertThat(VerifierLog.summary(List.of(BEGIN, "unknown func bpf_loop#181", "processed 1", END)))
        .isEqualTo("verifier: unknown func bpf_loop#181 | processed 1");
  }

  @Test
  void aLogCutShortStillGivesItsLastLinesKept() {
    assertThat(VerifierLog.extract(List.of(BEGIN, "0: a", "...", "9: z")))
        .containsExactly("0: a", "...", "9: z");
  }

  @Test
  void failuresWithoutAVerifierLogAddNothing() {
    assertThat(
            VerifierLog.summary(
                List.of("libbpf: prog 'p': failed to find kernel BTF type ID of 'f': -3")))
        .isEmpty();
    assertThat(VerifierLog.summary(List.of())).isEmpty();
  }

  @Test
  void onlyTheLastProgramsLogCounts() {
    assertThat(VerifierLog.extract(List.of(BEGIN, "first", END, BEGIN, "second", END)))
        .containsExactly("second");
  }
}
