package dev.tapio.rules.internal.drools;

import dev.tapio.rules.internal.eval.EventPredicate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The Drools rules a compiled rule set becomes, decided once: one per enabled rule, event type and
 * index variant (see {@link IndexPlan}), or one without a type constraint for a rule that can match
 * every type. Each says which event type it constrains, which indexed checks come before the
 * condition, and which compiled condition it runs. {@link RuleModel} builds the rule base from it;
 * {@link DrlEmitter} writes the same rules as DRL, so the two cannot drift.
 *
 * @param rules the Drools rules in definition order of the rules they come from
 */
public record RulePlan(List<Planned> rules) {

  public RulePlan {
    rules = List.copyOf(rules);
  }

  /**
   * One Drools rule.
   *
   * @param rule the rule it comes from: its index is the salience (negated, so the first defined
   *     fires first) and what the consequence reports
   * @param type the event type it constrains, or null for every type
   * @param name its Drools name, unique in the rule base
   * @param keys the indexed checks before the condition, in network order
   * @param condition the compiled condition it runs: the rule's predicate folded for {@code type}
   */
  public record Planned(
      RuleCode rule,
      @Nullable String type,
      String name,
      List<IndexPlan.Key> keys,
      EventPredicate condition) {

    public Planned {
      keys = List.copyOf(keys);
    }

    public int salience() {
      return -rule.index();
    }
  }

  public static RulePlan of(List<RuleCode> rules) {
    IndexPlan index = IndexPlan.of(rules);
    List<Planned> out = new ArrayList<>();
    for (RuleCode r : rules) {
      if (!r.enabled()) {
        continue;
      }
      if (r.anyEventType()) {
        out.add(new Planned(r, null, name(r, null), List.of(), r.predicate()));
        continue;
      }
      for (String type : r.eventTypes()) {
        for (IndexPlan.Variant v : index.variants(r, type)) {
          out.add(new Planned(r, type, name(r, type) + v.suffix(), v.keys(), r.predicateFor(type)));
        }
      }
    }
    return new RulePlan(out);
  }

  /** The Drools rule name of {@code r} for {@code type} (null: any type), before any variant. */
  public static String name(RuleCode r, @Nullable String type) {
    return "r" + r.index() + "_" + (type == null ? "any" : type);
  }
}
