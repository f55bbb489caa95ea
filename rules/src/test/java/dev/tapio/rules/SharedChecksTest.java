package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.eval.EventPredicate;
import dev.tapio.rules.internal.eval.SharedChecks;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A check several rules run on one event is evaluated once per event. */
class SharedChecksTest {

  static final EnrichedEvent A = Events.of(Events.exec("/usr/bin/bash", "bash"), "bash");
  static final EnrichedEvent B = Events.of(Events.exec("/usr/bin/sh", "sh"), "sh");

  @Test
  void aCheckTwoRulesOfOneTypeRunIsEvaluatedOncePerEvent() {
    AtomicInteger runs = new AtomicInteger();
    EventPredicate check = e -> runs.incrementAndGet() > 0 && e.process().name().equals("bash");
    SharedChecks shared = new SharedChecks();
    EventPredicate first = shared.intern("proc.name = bash", check, "execve", 1);
    EventPredicate second = shared.intern("proc.name = bash", check, "execve", 2);
    assertThat(second).isSameAs(first);
    assertThat(shared.share()).isEqualTo(1);

    assertThat(first.test(A)).isTrue();
    assertThat(second.test(A)).isTrue();
    assertThat(runs).hasValue(1);
    assertThat(first.test(B)).isFalse();
    assertThat(second.test(B)).isFalse();
    assertThat(runs).hasValue(2);
  }

  @Test
  void aCheckNoEventMeetsTwiceIsNotRemembered() {
    AtomicInteger runs = new AtomicInteger();
    EventPredicate check = e -> runs.incrementAndGet() > 0;
    SharedChecks shared = new SharedChecks();
    EventPredicate p = shared.intern("k", check, "execve", 1);
    shared.intern("k", check, "openat", 2); // another type: never the same event
    shared.intern("k", check, "execve", 1); // the same rule again
    shared.intern("k", check, null, 3); // compiled, never run
    assertThat(shared.share()).isZero();

    p.test(A);
    p.test(A);
    assertThat(runs).hasValue(2);
  }

  @Test
  void aRuleOfEveryTypeSharesWithARuleOfOneType() {
    SharedChecks shared = new SharedChecks();
    shared.intern("k", e -> true, SharedChecks.ANY_TYPE, 1);
    shared.intern("k", e -> true, "execve", 2);
    assertThat(shared.share()).isEqualTo(1);
  }

  @Test
  void finishingLeavesTheWrapperOnlyOnSharedChecks() {
    EventPredicate once = e -> true;
    EventPredicate twice = e -> false;
    SharedChecks shared = new SharedChecks();
    EventPredicate a = shared.intern("once", once, "execve", 1);
    EventPredicate b = shared.intern("twice", twice, "execve", 1);
    shared.intern("twice", twice, "execve", 2);
    shared.share();
    assertThat(SharedChecks.finish(a)).isSameAs(once);
    EventPredicate finished = SharedChecks.finish(b);
    assertThat(finished).isNotSameAs(twice).isSameAs(SharedChecks.finish(b));
    assertThat(finished.test(A)).isFalse();
  }

  @Test
  void everyRuleGetsTheSameRememberingCheck() {
    AtomicInteger runs = new AtomicInteger();
    EventPredicate check =
        e -> {
          runs.incrementAndGet();
          return true;
        };
    SharedChecks shared = new SharedChecks();
    EventPredicate first = shared.intern("k", check, "execve", 1);
    EventPredicate second = shared.intern("k", check, "execve", 2);
    shared.share();
    assertThat(SharedChecks.finish(first).test(A)).isTrue();
    assertThat(SharedChecks.finish(second).test(A)).isTrue();
    assertThat(runs).hasValue(1);
  }
}
