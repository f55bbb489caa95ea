package dev.tapio.rules.internal.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.bench.RuleEngineBenchmark;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PredicateClassesTest {

  static final EnrichedEvent EVENT = event();

  private static EnrichedEvent event() {
    try {
      return RuleEngineBenchmark.mix()[0];
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A check with a fixed answer that writes down that it ran. */
  record Recorded(int id, boolean answer, List<Integer> log) implements EventPredicate {
    @Override
    public boolean test(EnrichedEvent e) {
      assertThat(e).isSameAs(EVENT);
      log.add(id);
      return answer;
    }
  }

  @Test
  void generatedConditionsAgreeWithTheTreeOnResultAndOnWhichChecksRun() {
    Random random = new Random(20261126);
    for (int round = 0; round < 3000; round++) {
      List<Integer> treeLog = new ArrayList<>();
      List<Integer> classLog = new ArrayList<>();
      long seed = random.nextLong();
      EventPredicate tree = randomTree(new Random(seed), treeLog, 4, new int[1]);
      EventPredicate generated =
          PredicateClasses.generate(randomTree(new Random(seed), classLog, 4, new int[1]));

      boolean expected = tree.test(EVENT);
      assertThat(generated.test(EVENT)).as("round %d: %s", round, tree).isEqualTo(expected);
      assertThat(classLog).as("round %d: checks run, in order", round).isEqualTo(treeLog);
    }
  }

  @Test
  void aNodeBecomesAGeneratedClassAndASingleCheckStaysAsItIs() {
    List<Integer> log = new ArrayList<>();
    EventPredicate check = new Recorded(1, true, log);
    assertThat(PredicateClasses.generate(check)).isSameAs(check);
    EventPredicate node =
        PredicateClasses.generate(
            Logic.not(Logic.and(List.of(check, new Recorded(2, true, log)))), "Rule7_execve");
    assertThat(node.getClass().getName()).contains(".Rule7_execve$");
    assertThat(node.getClass().isHidden()).isTrue();
    assertThat(node.test(EVENT)).isFalse();
    assertThat(log).containsExactly(1, 2);
  }

  @Test
  void aLazyConditionGeneratesItsClassOnItsFirstTestOnlyAndAgreesWithTheTree() throws Exception {
    List<Integer> log = java.util.Collections.synchronizedList(new ArrayList<>());
    EventPredicate check = new Recorded(1, true, log);
    assertThat(PredicateClasses.lazy(check, "Rule3")).isSameAs(check);

    EventPredicate lazy =
        PredicateClasses.lazy(
            Logic.or(List.of(Logic.not(check), new Recorded(2, false, log))), "Rule3_openat");
    var pending = (PredicateClasses.Lazy) lazy;
    assertThat(pending.isGenerated()).as("no class before the first test").isFalse();

    Thread[] testers = new Thread[4];
    boolean[] answers = new boolean[testers.length];
    for (int i = 0; i < testers.length; i++) {
      int slot = i;
      testers[i] = Thread.ofPlatform().start(() -> answers[slot] = lazy.test(EVENT));
    }
    for (Thread t : testers) {
      t.join();
    }
    assertThat(answers).containsOnly(false);
    assertThat(pending.isGenerated()).isTrue();
    assertThat(log).hasSize(2 * testers.length).containsOnly(1, 2);

    Random random = new Random(20261205);
    for (int round = 0; round < 500; round++) {
      List<Integer> treeLog = new ArrayList<>();
      List<Integer> lazyLog = new ArrayList<>();
      long seed = random.nextLong();
      EventPredicate tree = randomTree(new Random(seed), treeLog, 4, new int[1]);
      EventPredicate late =
          PredicateClasses.lazy(randomTree(new Random(seed), lazyLog, 4, new int[1]), "R");
      boolean expected = tree.test(EVENT);
      assertThat(late.test(EVENT)).as("round %d", round).isEqualTo(expected);
      assertThat(lazyLog).as("round %d: checks run, in order", round).isEqualTo(treeLog);
      assertThat(late.test(EVENT)).as("round %d, generated", round).isEqualTo(expected);
    }
  }

  @Test
  void conditionsTooLargeForOneMethodAreSplitAndStillAgree() {
    List<Integer> log = new ArrayList<>();
    List<EventPredicate> alternatives = new ArrayList<>();
    int n = PredicateClasses.MAX_CHECKS * 3;
    for (int i = 0; i < n; i++) {
      // every alternative is false except the last: all of them run
      alternatives.add(
          Logic.and(List.of(new Recorded(i, true, log), new Recorded(-i, i == n - 1, log))));
    }
    EventPredicate tree = Logic.or(alternatives);
    assertThat(PredicateClasses.checks(tree)).isEqualTo(2 * n);

    EventPredicate generated = PredicateClasses.generate(tree);
    assertThat(generated.test(EVENT)).isTrue();
    assertThat(log).hasSize(2 * n);
    assertThat(log.getLast()).isEqualTo(-(n - 1));

    log.clear();
    List<EventPredicate> flat = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      flat.add(new Recorded(i, i != n / 2, log));
    }
    assertThat(PredicateClasses.generate(Logic.and(flat)).test(EVENT)).isFalse();
    assertThat(log).hasSize(n / 2 + 1);
  }

  private static EventPredicate randomTree(Random r, List<Integer> log, int depth, int[] ids) {
    int kind = depth == 0 ? 0 : r.nextInt(4);
    return switch (kind) {
      case 0 -> new Recorded(ids[0]++, r.nextBoolean(), log);
      case 1 -> Logic.not(randomTree(r, log, depth - 1, ids));
      default -> {
        List<EventPredicate> parts = new ArrayList<>();
        int size = 1 + r.nextInt(4);
        for (int i = 0; i < size; i++) {
          parts.add(randomTree(r, log, depth - 1, ids));
        }
        yield kind == 2 ? Logic.and(parts) : Logic.or(parts);
      }
    };
  }
}
