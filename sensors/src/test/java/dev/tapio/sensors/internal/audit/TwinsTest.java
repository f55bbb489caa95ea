package dev.tapio.sensors.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SeccompViolation.Action;
import dev.tapio.api.event.SeccompViolation.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One event per violation, whichever source sees it first; repeated violations stay separate. */
class TwinsTest {
  private final List<Event> out = new ArrayList<>();
  private final Twins twins = new Twins(out::add);

  private static SeccompViolation seen(long millis, int pid, int nr, Source source) {
    return new SeccompViolation(
        new EventHeader(millis * 1_000_000L, pid, pid, 0, Namespaces.UNKNOWN),
        nr,
        "getppid",
        Action.KILL_PROCESS,
        0,
        source);
  }

  @Test
  void aSignalAndItsAuditRecordAreOneEventInEitherOrder() {
    twins.accept(seen(1000, 7, 110, Source.SIGNAL));
    twins.accept(seen(1001, 7, 110, Source.AUDIT));
    twins.accept(seen(5000, 8, 110, Source.AUDIT));
    twins.accept(seen(5002, 8, 110, Source.SIGNAL));
    assertThat(out)
        .extracting(e -> ((SeccompViolation) e).source())
        .containsExactly(Source.SIGNAL, Source.AUDIT);
    assertThat(twins.dropped()).isEqualTo(2);
  }

  @Test
  void repeatedRefusalsFromOneSourceOtherProcessesAndLateRecordsAreNoTwins() {
    twins.accept(seen(1000, 7, 110, Source.ERRNO));
    twins.accept(seen(1001, 7, 110, Source.ERRNO)); // same source: a second refusal
    twins.accept(seen(1002, 9, 110, Source.AUDIT)); // other process
    twins.accept(seen(1003, 7, 39, Source.AUDIT)); // other syscall
    twins.accept(seen(1000 + 4000, 7, 110, Source.AUDIT)); // outside the window
    assertThat(out).hasSize(5);
  }

  @Test
  void eachEventPairsWithOneTwinOnly() {
    twins.accept(seen(1000, 7, 110, Source.ERRNO));
    twins.accept(seen(1001, 7, 110, Source.ERRNO));
    twins.accept(seen(1002, 7, 110, Source.AUDIT));
    twins.accept(seen(1003, 7, 110, Source.AUDIT));
    assertThat(out).hasSize(2);
  }
}
