package dev.tapio.rules.internal.correlate;

import static org.drools.model.DSL.accFunction;
import static org.drools.model.DSL.accumulate;
import static org.drools.model.DSL.after;
import static org.drools.model.DSL.annotationValue;
import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.not;
import static org.drools.model.DSL.on;
import static org.drools.model.DSL.typeMetaData;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.betaIndexedBy;
import static org.drools.model.PatternDSL.pattern;
import static org.drools.model.PatternDSL.rule;

import dev.tapio.rules.CompiledCorrelation;
import java.util.ArrayList;
import java.util.List;
import org.drools.core.base.accumulators.CollectListAccumulateFunction;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.PatternDSL.PatternDef;
import org.drools.model.Rule;
import org.drools.model.RuleItemBuilder;
import org.drools.model.Variable;
import org.drools.model.functions.Function1;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.conf.EventProcessingOption;

/**
 * A correlation as Drools stream-mode rules (executable model) over {@link StepMatch} events, one
 * rule base per correlation because an event type's expiry is the rule base's and each correlation
 * has its own window. Time is the kernel's, in nanoseconds: the session's pseudo clock is moved to
 * each event's time, temporal operators are written in nanoseconds, and a step's match expires
 * (policy {@code TIME_HARD}) one nanosecond after it left the window, so what the rules see at any
 * time is exactly what can still complete.
 *
 * <ul>
 *   <li><b>sequence</b>: {@code $s0: StepMatch(step == 0)}, then each step {@code j} {@code
 *       StepMatch(step == j, key == $s0.key, this after[0, T] $s(j-1))}, the last also {@code this
 *       after[0, T] $s0}: the correlation completed.
 *   <li><b>threshold</b>: {@code $m: StepMatch()}, {@code $l: List(size >= count) from
 *       accumulate(StepMatch(key == $m.key), collectList())}: every match still in the window.
 *   <li><b>absence</b>: {@code $a: StepMatch(step == 0)} and {@code StepMatch(step == 1, key ==
 *       $a.key, this after[0, T] $a)} answers it; {@code not(...)} of the same fires when the
 *       pseudo clock passes the window (Drools schedules that on the clock, not on the wall).
 * </ul>
 *
 * Consequences call the session's {@link CorrelationSession} (a global), which raises the match and
 * deletes the facts.
 */
public final class CorrelationRules {

  static final String PACKAGE = "dev.tapio.rules.correlations";
  static final String GLOBAL = "correlation";

  private static final Function1<StepMatch, Integer> STEP = StepMatch::getStep;
  private static final Function1<StepMatch, Object> KEY = StepMatch::getKey;

  private CorrelationRules() {}

  /** The rule base of {@code c} (milliseconds; off the hot path, when the rule set is built). */
  public static KieBase build(CompiledCorrelation c) {
    Global<CorrelationSession> session = globalOf(CorrelationSession.class, PACKAGE, GLOBAL);
    ModelImpl model = new ModelImpl();
    model.addGlobal(session);
    model.addTypeMetaData(
        typeMetaData(StepMatch.class)
            .addAnnotation("role", annotationValue("value", "event"))
            .addAnnotation("timestamp", annotationValue("value", "time"))
            .addAnnotation(
                "expires",
                annotationValue("value", timeString(expiry(c))),
                annotationValue("policy", "TIME_HARD")));
    long window = c.within().toNanos();
    switch (c.kind()) {
      case SEQUENCE -> model.addRule(sequence(c, window, session));
      case THRESHOLD -> model.addRule(threshold(c, session));
      case ABSENCE -> {
        model.addRule(answered(window, session));
        model.addRule(unanswered(window, session));
      }
    }
    KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
    conf.setOption(EventProcessingOption.STREAM);
    return KieBaseBuilder.createKieBaseFromModel((Model) model, conf);
  }

  /**
   * How long a step's match lives, in nanoseconds of event time: the window and one more, so a
   * match exactly {@code within} old still counts. An absence's first step lives a window longer:
   * its rule deletes it when answered or when the window passed unanswered, never expiry.
   */
  static long expiry(CompiledCorrelation c) {
    long window = c.within().toNanos();
    return c.kind() == CompiledCorrelation.Kind.ABSENCE ? 2 * window + 1 : window + 1;
  }

  /**
   * {@code ticks} of the clock (nanoseconds here) as Drools writes a time: it reads each part as an
   * int of milliseconds, so the days are split off ({@code 694d38400001}).
   */
  static String timeString(long ticks) {
    long day = 86_400_000L;
    return ticks / day + "d" + ticks % day;
  }

  private static PatternDef<StepMatch> step(Variable<StepMatch> v, int step) {
    return pattern(v)
        .expr(
            "step == " + step,
            m -> m.getStep() == step,
            alphaIndexedBy(Integer.class, Index.ConstraintType.EQUAL, 0, STEP, step));
  }

  private static PatternDef<StepMatch> sameKey(PatternDef<StepMatch> p, Variable<StepMatch> as) {
    return p.expr(
        "key == " + as.getName() + ".key",
        as,
        (m, other) -> m.getKey().equals(other.getKey()),
        betaIndexedBy(Object.class, Index.ConstraintType.EQUAL, 1, KEY, KEY));
  }

  private static Rule sequence(
      CompiledCorrelation c, long window, Global<CorrelationSession> session) {
    List<RuleItemBuilder<?>> items = new ArrayList<>();
    Variable<StepMatch> first = declarationOf(StepMatch.class, "$s0");
    items.add(step(first, 0));
    Variable<StepMatch> previous = first;
    int last = c.steps().size() - 1;
    for (int j = 1; j <= last; j++) {
      Variable<StepMatch> v = declarationOf(StepMatch.class, "$s" + j);
      PatternDef<StepMatch> p =
          sameKey(step(v, j), first)
              .expr("this after[0, " + window + "] $s" + (j - 1), previous, after(0, window));
      if (j == last && j > 1) {
        p = p.expr("this after[0, " + window + "] $s0", first, after(0, window));
      }
      items.add(p);
      previous = v;
    }
    items.add(
        on(first, previous, session)
            .execute((drools, s0, done, s) -> s.sequenceCompleted(drools, s0, done)));
    return rule(PACKAGE, "sequence").build(items.toArray(RuleItemBuilder[]::new));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Rule threshold(CompiledCorrelation c, Global<CorrelationSession> session) {
    Variable<StepMatch> latest = declarationOf(StepMatch.class, "$m");
    Variable<StepMatch> counted = declarationOf(StepMatch.class, "$c");
    Variable<List> matches = declarationOf(List.class, "$matches");
    int count = c.count();
    return rule(PACKAGE, "threshold")
        .build(
            pattern(latest),
            accumulate(
                sameKey(pattern(counted), latest),
                accFunction(CollectListAccumulateFunction::new, counted).as(matches)),
            pattern(matches).expr("size >= " + count, l -> l.size() >= count),
            on(matches, session)
                .execute((drools, l, s) -> s.thresholdReached(drools, (List<StepMatch>) l)));
  }

  private static PatternDef<StepMatch> answer(
      Variable<StepMatch> v, Variable<StepMatch> first, long window) {
    return sameKey(step(v, 1), first)
        .expr("this after[0, " + window + "] $a", first, after(0, window));
  }

  private static Rule answered(long window, Global<CorrelationSession> session) {
    Variable<StepMatch> first = declarationOf(StepMatch.class, "$a");
    Variable<StepMatch> second = declarationOf(StepMatch.class, "$b");
    return rule(PACKAGE, "answered")
        .build(
            step(first, 0),
            answer(second, first, window),
            on(first, second, session).execute((drools, a, b, s) -> s.answered(drools, a, b)));
  }

  private static Rule unanswered(long window, Global<CorrelationSession> session) {
    Variable<StepMatch> first = declarationOf(StepMatch.class, "$a");
    Variable<StepMatch> second = declarationOf(StepMatch.class, "$b");
    return rule(PACKAGE, "unanswered")
        .build(
            step(first, 0),
            not(answer(second, first, window)),
            on(first, session).execute((drools, a, s) -> s.unanswered(drools, a)));
  }
}
