package dev.tapio.sensors.internal.ffm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A long verifier log keeps its beginning (where) and its end (why), with a mark between. */
class LibbpfLogTest {
  @Test
  void theFirstAndTheLastLinesAreKept() {
    LibbpfLog.clear();
    IntStream.range(0, 100).forEach(i -> LibbpfLog.keep("line " + i));
    List<String> lines = LibbpfLog.lines();
    assertThat(lines).hasSize(8 + 1 + 40);
    assertThat(lines.subList(0, 8))
        .containsExactly(
            "line 0", "line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7");
    assertThat(lines.get(8)).isEqualTo(LibbpfLog.ELIDED);
    assertThat(lines.get(9)).isEqualTo("line 60");
    assertThat(lines.getLast()).isEqualTo("line 99");
    LibbpfLog.clear();
    assertThat(LibbpfLog.lines()).isEmpty();
  }

  @Test
  void aShortLogIsKeptWholeWithoutAMark() {
    LibbpfLog.clear();
    IntStream.range(0, 20).forEach(i -> LibbpfLog.keep("line " + i));
    assertThat(LibbpfLog.lines()).hasSize(20).doesNotContain(LibbpfLog.ELIDED);
    LibbpfLog.clear();
  }
}
