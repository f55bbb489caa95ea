package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.Event;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExecWaitTest {
  static final long NOW = 1_000_000_000L;

  final List<Event> missed = new ArrayList<>();

  ExecWait waitFor(Set<Integer> aheadPids) {
    return new ExecWait(ExecTracker.of(e -> aheadPids.contains(e.header().pid()), missed::add));
  }

  static FileOpen open(int pid, String path) {
    return new FileOpen(
        new EventHeader(NOW, pid, pid, 0, Namespaces.UNKNOWN, 7), "openat", path, path, 0, 0, 3);
  }

  @Test
  void anExecThatNeverComesEndsTheWaitAfterASecondAndTakesTheProcessAsItIs() {
    ExecWait wait = waitFor(Set.of(20));
    FileOpen first = open(20, "/a");
    assertThat(wait.hold(first, () -> NOW)).isTrue();
    assertThat(wait.hold(open(20, "/b"), () -> NOW + 5)).isTrue();
    assertThat(wait.hold(open(21, "/c"), () -> NOW)).isFalse();
    assertThat(wait.nextDueNanos()).isEqualTo(NOW + ExecWait.WAIT_NANOS);

    assertThat(wait.expired(NOW + ExecWait.WAIT_NANOS - 1)).isEmpty();
    assertThat(wait.expired(NOW + ExecWait.WAIT_NANOS))
        .extracting(e -> ((FileOpen) e).path())
        .containsExactly("/a", "/b");
    assertThat(missed).containsExactly(first);
    assertThat(wait.timedOut()).isEqualTo(2);
    assertThat(wait.waited()).isEqualTo(2);
    assertThat(wait.size()).isZero();
    assertThat(wait.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void releasingAProcessGivesItsEventsInArrivalOrderAndLeavesTheOthersWaiting() {
    ExecWait wait = waitFor(Set.of(20, 21));
    wait.hold(open(20, "/a"), () -> NOW);
    wait.hold(open(21, "/b"), () -> NOW);
    wait.hold(open(20, "/c"), () -> NOW);
    assertThat(wait.release(20)).extracting(e -> ((FileOpen) e).path()).containsExactly("/a", "/c");
    assertThat(wait.release(20)).isEmpty();
    assertThat(wait.size()).isEqualTo(1);
    assertThat(wait.drain()).extracting(e -> ((FileOpen) e).path()).containsExactly("/b");
    assertThat(missed).isEmpty();
  }

  @Test
  void aFullWaitRefusesMoreAndCountsThem() {
    ExecWait wait = waitFor(Set.of(20, 21));
    for (int i = 0; i < ExecWait.MAX_HELD; i++) {
      assertThat(wait.hold(open(20, "/a"), () -> NOW)).isTrue();
    }
    assertThat(wait.hold(open(21, "/b"), () -> NOW)).isFalse();
    assertThat(wait.hold(open(20, "/c"), () -> NOW)).isFalse();
    assertThat(wait.overflow()).isEqualTo(2);
    assertThat(wait.size()).isEqualTo(ExecWait.MAX_HELD);
  }
}
