package dev.tapio.rules.internal.drools;

/**
 * Writes a {@link RulePlan} as Drools DRL, for {@code tapio rules compile --emit} and for the test
 * that builds a rule base from it: each planned rule becomes {@code EnrichedEvent( type == "x",
 * <indexed checks>, tapio.test(<rule>, this) )}, so the {@code type} constraints are hashed across
 * rules and do the event-type dispatch. The condition is the compiled predicate, called through the
 * {@code tapio} global ({@link RuleRuntime}); an indexed check is a constraint on {@code
 * tapio.key(field, this)}. Salience follows definition order, so the first rule to fire is the
 * first defined.
 */
public final class DrlEmitter {

  public static final String PACKAGE = "dev.tapio.rules.generated";

  /** The name of the session global that holds the {@link RuleRuntime}. */
  public static final String GLOBAL = "tapio";

  private DrlEmitter() {}

  public static String emit(RulePlan plan) {
    StringBuilder drl = new StringBuilder();
    drl.append("package ").append(PACKAGE).append(";\n\n");
    drl.append("import dev.tapio.api.context.EnrichedEvent;\n\n");
    drl.append("global ").append(RuleRuntime.class.getName()).append(' ').append(GLOBAL);
    drl.append(";\n");
    RuleCode previous = null;
    for (RulePlan.Planned p : plan.rules()) {
      RuleCode r = p.rule();
      if (r != previous) {
        drl.append("\n// ").append(comment(r.name())).append(" (");
        drl.append(r.priority().falcoName()).append(")\n");
        previous = r;
      }
      rule(drl, p);
    }
    return drl.toString();
  }

  private static void rule(StringBuilder drl, RulePlan.Planned p) {
    int index = p.rule().index();
    drl.append("rule \"").append(p.name());
    drl.append("\" salience ").append(p.salience()).append("\nwhen\n  $e : EnrichedEvent( ");
    if (p.type() != null) {
      drl.append("type == \"").append(p.type()).append("\", ");
    }
    for (IndexPlan.Key key : p.keys()) {
      drl.append(GLOBAL).append(".key(").append(quote(key.field())).append(", this) == ");
      drl.append(quote(key.value().toString())).append(", ");
    }
    drl.append(GLOBAL).append(".test(").append(index).append(", this) )\nthen\n");
    drl.append("  ").append(GLOBAL).append(".matched(").append(index).append(", $e);\nend\n");
  }

  /** {@code s} as a DRL string literal. */
  public static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String comment(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
