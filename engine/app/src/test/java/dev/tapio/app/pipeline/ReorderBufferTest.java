package dev.tapio.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.event.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderBufferTest {
  private static final long MS = 1_000_000L;

  private static List<Long> times(List<Event> events) {
    return events.stream().map(e -> e.header().timeNanos()).toList();
  }

  @Test
  void eventsFromTwoRingsLeaveInTimeOrderOnceTheyAreOldEnough() {
    var buffer = new ReorderBuffer(50 * MS);
    // the file ring is read first: its open (t=20ms) arrives before the exec (t=10ms)
    buffer.add(PipelineTest.open((int) (20 * MS), "/etc/shadow"));
    buffer.add(PipelineTest.open((int) (10 * MS), "/bin/cat"));
    assertThat(buffer.ready()).isEmpty();

    buffer.add(PipelineTest.open((int) (65 * MS), "/tmp/later"));
    assertThat(times(buffer.ready())).containsExactly(10 * MS);
    assertThat(times(buffer.readyAt(200 * MS))).containsExactly(20 * MS, 65 * MS);
    assertThat(buffer.size()).isZero();
  }

  @Test
  void nextDueIsTheOldestHeldEventPlusTheDelayWhetherItCameInOrderOrLate() {
    var buffer = new ReorderBuffer(50 * MS);
    assertThat(buffer.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
    buffer.add(PipelineTest.open((int) (20 * MS), "/a"));
    assertThat(buffer.nextDueNanos()).isEqualTo(70 * MS);
    buffer.add(PipelineTest.open((int) (5 * MS), "/late"));
    assertThat(buffer.nextDueNanos()).isEqualTo(55 * MS);
    assertThat(times(buffer.readyAt(60 * MS))).containsExactly(5 * MS);
    assertThat(buffer.nextDueNanos()).isEqualTo(70 * MS);
    buffer.drain();
    assertThat(buffer.nextDueNanos()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void equalTimesKeepArrivalOrderAndDrainReleasesEverything() {
    var buffer = new ReorderBuffer(50 * MS);
    buffer.add(PipelineTest.open(5, "/a"));
    buffer.add(PipelineTest.open(5, "/b"));
    buffer.add(PipelineTest.open(1, "/c"));
    assertThat(buffer.drain())
        .extracting(e -> ((dev.tapio.api.event.FileOpen) e).path())
        .containsExactly("/c", "/a", "/b");
  }

  @Test
  void manyEventsInAndOutOfOrderLeaveSortedWithTiesInArrivalOrder() {
    var buffer = new ReorderBuffer(50 * MS);
    java.util.Random random = new java.util.Random(7);
    List<Event> added = new java.util.ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // mostly increasing, now and then an older one (another ring read late), many ties
      int time = i % 10 == 9 ? random.nextInt(i + 1) : i - i % 3;
      Event e = PipelineTest.open(time, "/f" + i);
      added.add(e);
      buffer.add(e);
      if (i % 700 == 0) {
        assertThat(buffer.size()).isEqualTo(i + 1);
      }
    }
    List<Event> expected =
        added.stream()
            .sorted(java.util.Comparator.comparingLong(e -> e.header().timeNanos()))
            .toList();
    assertThat(buffer.drain()).containsExactlyElementsOf(expected);
    assertThat(buffer.size()).isZero();
  }
}
