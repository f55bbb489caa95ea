package dev.tapio.rules.internal.drools;

import static org.drools.model.DSL.declarationOf;
import static org.drools.model.DSL.globalOf;
import static org.drools.model.DSL.on;
import static org.drools.model.PatternDSL.alphaIndexedBy;
import static org.drools.model.PatternDSL.pattern;

import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.DrlEmitter;
import dev.tapio.rules.EventPredicate;
import dev.tapio.rules.RuleRuntime;
import java.util.List;
import org.drools.model.Global;
import org.drools.model.Index;
import org.drools.model.Model;
import org.drools.model.Rule;
import org.drools.model.Variable;
import org.drools.model.impl.ModelImpl;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The rule base, built directly with Drools' executable-model API: the same rules {@link
 * DrlEmitter} writes as DRL (one per enabled rule and event type, salience by definition order, the
 * type constraint alpha-indexed so Drools hashes it across rules), without generating and compiling
 * Java source, so a build takes milliseconds instead of seconds.
 */
public final class RuleModel {

  /** One extractor instance for every type constraint, so Drools sees one index to hash on. */
  private static final org.drools.model.functions.Function1<EnrichedEvent, String> TYPE =
      EnrichedEvent::type;

  private RuleModel() {}

  public static KieBase build(List<CompiledRule> rules) {
    Global<RuleRuntime> tapio = globalOf(RuleRuntime.class, DrlEmitter.PACKAGE, DrlEmitter.GLOBAL);
    ModelImpl model = new ModelImpl();
    model.addGlobal(tapio);
    for (CompiledRule r : rules) {
      if (!r.enabled()) {
        continue;
      }
      if (r.anyEventType()) {
        model.addRule(droolsRule(r, null, tapio));
      } else {
        for (String type : r.eventTypes()) {
          model.addRule(droolsRule(r, type, tapio));
        }
      }
    }
    return KieBaseBuilder.createKieBaseFromModel((Model) model);
  }

  private static Rule droolsRule(
      CompiledRule r, @org.jspecify.annotations.Nullable String type, Global<RuleRuntime> tapio) {
    Variable<EnrichedEvent> event = declarationOf(EnrichedEvent.class);
    EventPredicate predicate = type == null ? r.predicate() : r.predicateFor(type);
    int index = r.index();
    var pattern = pattern(event);
    if (type != null) {
      pattern =
          pattern.expr(
              "type == " + type,
              e -> type.equals(e.type()),
              alphaIndexedBy(String.class, Index.ConstraintType.EQUAL, 0, TYPE, type));
    }
    pattern = pattern.expr("rule " + index, predicate::test);
    return org.drools.model.PatternDSL.rule(DrlEmitter.PACKAGE, DrlEmitter.ruleName(r, type))
        .attribute(Rule.Attribute.SALIENCE, -index)
        .build(pattern, on(event, tapio).execute((e, rt) -> rt.matched(index, e)));
  }
}
