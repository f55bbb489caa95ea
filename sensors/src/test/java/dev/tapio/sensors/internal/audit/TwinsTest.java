package dev.tapio.sensors.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.LsmDenial;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.SeccompViolation;
import dev.tapio.api.event.SeccompViolation.Action;
import dev.tapio.api.event.SeccompViolation.Source;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One event per violation, the sensor's whichever source is read first; an audit record without a
 * twin goes on when its hold is over; repeated violations stay separate.
 */
class TwinsTest {
  private static final long MS = 1_000_000L;
  private final List<Event> out = new ArrayList<>();
  private long now = 1_000 * MS;
  private final Twins twins = new Twins(out::add, Duration.ofMillis(100), () -> now);

  private static SeccompViolation seen(long millis, int pid, int nr, Source source) {
    return seen(millis, pid, nr, source, Action.KILL_PROCESS);
  }

  private static SeccompViolation seen(long millis, int pid, int nr, Source source, Action a) {
    return new SeccompViolation(
        new EventHeader(
            millis * MS, pid, pid, source == Source.AUDIT ? 0 : 4242, Namespaces.UNKNOWN),
        nr,
        "getppid",
        a,
        a == Action.ERRNO ? 1 : 0,
        source);
  }

  private static LsmDenial denial(long millis, int pid, String object, LsmDenial.Source source) {
    return new LsmDenial(
        new EventHeader(millis * MS, pid, pid, 0, Namespaces.UNKNOWN),
        "landlock",
        "openat",
        object,
        null,
        0,
        13,
        source);
  }

  private List<Source> sources() {
    return out.stream().map(e -> ((SeccompViolation) e).source()).toList();
  }

  @Test
  void aSignalAndItsAuditRecordAreOneEventInEitherOrderAndItIsTheSignal() {
    twins.accept(seen(1000, 7, 110, Source.SIGNAL));
    twins.accept(seen(1001, 7, 110, Source.AUDIT));
    twins.accept(seen(5000, 8, 110, Source.AUDIT)); // read first: held
    assertThat(twins.holding()).isEqualTo(1);
    now += 20 * MS;
    twins.accept(seen(5002, 8, 110, Source.SIGNAL)); // replaces the held record
    now += 1_000 * MS;
    twins.releaseDue();
    assertThat(sources()).containsExactly(Source.SIGNAL, Source.SIGNAL);
    assertThat(out.get(1).header().cgroupId()).isEqualTo(4242);
    assertThat(twins.dropped()).isEqualTo(2);
    assertThat(twins.holding()).isZero();
  }

  @Test
  void anErrnoRefusalReadAfterItsAuditRecordIsTheOneEvent() {
    twins.accept(seen(1000, 7, 110, Source.AUDIT, Action.ERRNO));
    now += 30 * MS;
    twins.accept(seen(999, 7, 110, Source.ERRNO, Action.ERRNO));
    twins.releaseAll();
    assertThat(sources()).containsExactly(Source.ERRNO);
    assertThat(twins.dropped()).isEqualTo(1);
  }

  @Test
  void anAuditRecordWithoutTwinGoesOnWhenItsHoldIsOverAndALaterTwinIsDropped() {
    twins.accept(seen(1000, 7, 110, Source.AUDIT, Action.LOG));
    now += 99 * MS;
    twins.releaseDue();
    assertThat(out).isEmpty();
    now += MS;
    twins.releaseDue();
    assertThat(sources()).containsExactly(Source.AUDIT);
    twins.accept(seen(1001, 7, 110, Source.SIGNAL)); // a twin read after the hold: still one
    assertThat(sources()).containsExactly(Source.AUDIT);
    assertThat(twins.dropped()).isEqualTo(1);
  }

  @Test
  void anyEventReleasesTheHoldsThatAreOver() {
    twins.accept(seen(1000, 7, 110, Source.AUDIT, Action.LOG));
    now += 150 * MS;
    twins.accept(seen(1200, 9, 39, Source.ERRNO, Action.ERRNO));
    assertThat(sources()).containsExactly(Source.AUDIT, Source.ERRNO);
  }

  @Test
  void anLsmDenialReadAfterItsAuditRecordReplacesItForTheSameObjectOnly() {
    twins.accept(denial(1000, 7, "/etc/shadow", LsmDenial.Source.AUDIT));
    twins.accept(denial(1000, 7, "/etc/passwd", LsmDenial.Source.ERRNO)); // another object
    twins.accept(denial(1000, 7, "/etc/shadow", LsmDenial.Source.ERRNO));
    twins.releaseAll();
    assertThat(out)
        .extracting(e -> ((LsmDenial) e).object() + " " + ((LsmDenial) e).source())
        .containsExactly("/etc/passwd ERRNO", "/etc/shadow ERRNO");
  }

  @Test
  void repeatedRefusalsFromOneSourceOtherProcessesAndLateRecordsAreNoTwins() {
    twins.accept(seen(1000, 7, 110, Source.ERRNO));
    twins.accept(seen(1001, 7, 110, Source.ERRNO)); // same source: a second refusal
    twins.accept(seen(1002, 9, 110, Source.AUDIT)); // other process
    twins.accept(seen(1003, 7, 39, Source.AUDIT)); // other syscall
    twins.accept(seen(1000 + 4000, 7, 110, Source.AUDIT)); // outside the window
    twins.releaseAll();
    assertThat(out).hasSize(5);
  }

  @Test
  void eachEventPairsWithOneTwinOnly() {
    twins.accept(seen(1000, 7, 110, Source.ERRNO));
    twins.accept(seen(1001, 7, 110, Source.ERRNO));
    twins.accept(seen(1002, 7, 110, Source.AUDIT));
    twins.accept(seen(1003, 7, 110, Source.AUDIT));
    twins.accept(seen(1004, 7, 110, Source.AUDIT)); // a third record: its own violation
    twins.releaseAll();
    assertThat(sources()).containsExactly(Source.ERRNO, Source.ERRNO, Source.AUDIT);
  }

  @Test
  void heldRecordsEachPairWithOneTwinOnly() {
    twins.accept(seen(1000, 7, 110, Source.AUDIT));
    twins.accept(seen(1001, 7, 110, Source.AUDIT));
    twins.accept(seen(1000, 7, 110, Source.SIGNAL));
    twins.releaseAll();
    assertThat(sources()).containsExactly(Source.SIGNAL, Source.AUDIT);
  }
}
