package dev.tapio.rules;

import dev.tapio.rules.internal.drools.IndexPlan;
import java.util.List;

/**
 * Writes compiled rules as Drools DRL: one Drools rule per (enabled rule, event type), so the
 * {@code type == "x"} constraints are hashed across rules and do the event-type dispatch; a rule
 * that can match every type gets one rule without a type constraint. The condition itself is the
 * compiled predicate, called through the {@code tapio} global ({@link RuleRuntime}), after the
 * rule's {@link IndexedCheck}s as constraints on {@code tapio.key(field, this)} (see {@link
 * IndexPlan}: a check with several values gives one Drools rule per value). Salience follows
 * definition order, so the first rule to fire is the first defined.
 */
public final class DrlEmitter {

  public static final String PACKAGE = "dev.tapio.rules.generated";

  /** The name of the session global that holds the {@link RuleRuntime}. */
  public static final String GLOBAL = "tapio";

  private DrlEmitter() {}

  public static String emit(List<CompiledRule> rules) {
    StringBuilder drl = new StringBuilder();
    drl.append("package ").append(PACKAGE).append(";\n\n");
    drl.append("import dev.tapio.api.context.EnrichedEvent;\n\n");
    drl.append("global dev.tapio.rules.RuleRuntime tapio;\n");
    IndexPlan plan = IndexPlan.of(rules);
    for (CompiledRule r : rules) {
      if (!r.enabled()) {
        continue;
      }
      drl.append("\n// ").append(comment(r.name())).append(" (").append(r.priority().falcoName());
      drl.append(")\n");
      if (r.anyEventType()) {
        rule(drl, r, null, new IndexPlan.Variant("", List.of()));
      } else {
        for (String type : r.eventTypes()) {
          for (IndexPlan.Variant v : plan.variants(r, type)) {
            rule(drl, r, type, v);
          }
        }
      }
    }
    return drl.toString();
  }

  private static void rule(
      StringBuilder drl,
      CompiledRule r,
      @org.jspecify.annotations.Nullable String type,
      IndexPlan.Variant variant) {
    drl.append("rule \"").append(ruleName(r, type)).append(variant.suffix());
    drl.append("\" salience ").append(-r.index()).append("\nwhen\n  $e : EnrichedEvent( ");
    if (type != null) {
      drl.append("type == \"").append(type).append("\", ");
    }
    for (IndexPlan.Key key : variant.keys()) {
      drl.append("tapio.key(").append(quote(key.field())).append(", this) == ");
      drl.append(quote(key.value().toString())).append(", ");
    }
    drl.append("tapio.test(").append(r.index()).append(", this) )\nthen\n");
    drl.append("  tapio.matched(").append(r.index()).append(", $e);\nend\n");
  }

  /** The Drools rule name of {@code r} for {@code type} (null: any type). */
  public static String ruleName(CompiledRule r, @org.jspecify.annotations.Nullable String type) {
    return "r" + r.index() + "_" + (type == null ? "any" : type);
  }

  /** {@code s} as a DRL string literal. */
  public static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String comment(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
