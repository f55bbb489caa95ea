package dev.tapio.rules.internal.drools;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.pattern;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.internal.eval.EventPredicate;
import java.util.HashMap;
import java.util.Map;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.functions.Function1;
import org.drools.model.functions.Predicate1;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;

/**
 * The rule base of a {@link RulePlan}, built directly with Drools' executable-model API (the same
 * rules {@link DrlEmitter} writes as DRL): the type constraint and the indexed checks alpha-indexed
 * so Drools shares and hashes them across rules, the compiled condition last. No Java source is
 * generated and compiled, so a build takes well under a second instead of seconds.
 */
public final class RuleModel {

  /** One extractor instance for every type constraint, so Drools sees one index to hash on. */
  private static final Function1<EnrichedEvent, String> TYPE = EnrichedEvent::type;

  private RuleModel() {}

  public static KieBase build(RulePlan plan) {
    Global<RuleRuntime> tapio = globalOf(RuleRuntime.class, DrlEmitter.PACKAGE, DrlEmitter.GLOBAL);
    ModelImpl model = new ModelImpl();
    model.addGlobal(tapio);
    Extractors extractors = new Extractors();
    for (RulePlan.Planned p : plan.rules()) {
      model.addRule(droolsRule(p, extractors, tapio));
    }
    return KieBaseBuilder.createKieBaseFromModel((Model) model);
  }

  /**
   * One extractor instance and index id per indexed field: Drools hashes sibling constraints only
   * when they read the same extractor.
   */
  private static final class Extractors {
    private final Map<String, Function1<EnrichedEvent, @Nullable Object>> byField = new HashMap<>();
    private final Map<String, Integer> ids = new HashMap<>();

    Function1<EnrichedEvent, @Nullable Object> of(IndexPlan.Key key) {
      return byField.computeIfAbsent(key.field(), f -> key.check()::key);
    }

    int id(IndexPlan.Key key) {
      return ids.computeIfAbsent(key.field(), f -> ids.size() + 1); // 0 is the event type
    }
  }

  /**
   * The class Drools indexes a value as: its own (String, Long, Boolean), which Drools hashes;
   * constraints on {@code Object} it would test one by one.
   */
  @SuppressWarnings("unchecked")
  private static Class<Object> indexClass(Object value) {
    return (Class<Object>) value.getClass();
  }

  /*
   * Every alpha constraint is one of the two classes below, so the call Drools makes for each
   * constraint sees two classes and the JIT inlines it; with a lambda per constraint kind it sees
   * more and dispatches through a table on every node an event passes.
   */

  /** {@code extractor(event) == value}: the event type or an indexed check. */
  private record Equals(
      Function1<EnrichedEvent, ? extends @Nullable Object> extractor, Object value)
      implements Predicate1<EnrichedEvent> {
    @Override
    public boolean test(EnrichedEvent e) {
      return value.equals(extractor.apply(e));
    }
  }

  /** The rule's compiled condition. */
  private record Condition(EventPredicate predicate) implements Predicate1<EnrichedEvent> {
    @Override
    public boolean test(EnrichedEvent e) {
      return predicate.test(e);
    }
  }

  private static Rule droolsRule(
      RulePlan.Planned p, Extractors extractors, Global<RuleRuntime> tapio) {
    Variable<EnrichedEvent> event = declarationOf(EnrichedEvent.class);
    int index = p.rule().index();
    String type = p.type();
    var pattern = pattern(event);
    if (type != null) {
      pattern =
          pattern.expr(
              "type == " + type,
              new Equals(TYPE, type),
              alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 0, TYPE, type));
    }
    for (IndexPlan.Key key : p.keys()) {
      Function1<EnrichedEvent, @Nullable Object> extractor = extractors.of(key);
      Object value = key.value();
      pattern =
          pattern.expr(
              key.field() + " == " + DrlEmitter.quote(value.toString()),
              new Equals(extractor, value),
              alphaIndexedBy(
                  indexClass(value),
                  Index.ConstraintType.EQUAL,
                  extractors.id(key),
                  extractor,
                  value));
    }
    pattern = pattern.expr("rule " + index, new Condition(p.condition()));
    return org.drools.model.PatternDSL.rule(DrlEmitter.PACKAGE, p.name())
        .attribute(Rule.Attribute.SALIENCE, p.salience())
        .build(pattern, on(event, tapio).execute((e, rt) -> rt.matched(index, e)));
  }
}
