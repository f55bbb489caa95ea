package dev.tapio.sensors.internal.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.sensors.internal.ffm.ProgramInfo.Counts;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A sensor's skipped records are its programs' recursion misses, summed. */
class RunningSensorTest {
  @Test
  void skippedIsTheSumOfThePrograms() {
    assertThat(
            RunningSensor.skipped(
                List.of(
                    new Counts(10, OptionalLong.of(2)),
                    new Counts(0, OptionalLong.of(0)),
                    new Counts(5, OptionalLong.of(3)))))
        .hasValue(5);
  }

  @Test
  void aKernelThatDoesNotCountThemSaysNothing() {
    assertThat(RunningSensor.skipped(List.of(new Counts(10, OptionalLong.empty())))).isEmpty();
    assertThat(RunningSensor.skipped(List.of())).isEmpty();
  }
}
