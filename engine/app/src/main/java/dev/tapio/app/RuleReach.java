package dev.tapio.app;

import dev.tapio.rules.CompiledRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which enabled rules can fire given the event types the sensors deliver. A rule is alive when any
 * of its event types is delivered, dead when none is: it loads and compiles, yet nothing it could
 * match ever arrives (a {@code ptrace} or {@code connect} rule where no sensor reports those).
 * {@code tapio run} warns about each dead rule at start, {@code tapio sensors status --rules} lists
 * them.
 */
public final class RuleReach {
  static final String DEAD = "rule '%s' cannot fire: no sensor on this kernel produces %s";
  static final String DEAD_ANY_TYPE =
      "rule '%s' cannot fire: it matches every event type and no sensor on this kernel produces any";
  static final String SUMMARY_DEAD = "%d of %d enabled rules cannot fire on this kernel";
  static final String SUMMARY_ALIVE = "all %d enabled rules can fire on this kernel";
  static final int TYPES_SHOWN = 8;

  private RuleReach() {}

  /**
   * An enabled rule that cannot fire.
   *
   * @param missing its event types in name order, none of which is delivered (empty for a rule
   *     matching every type)
   */
  public record DeadRule(String rule, Set<String> missing) {
    public DeadRule {
      missing = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(missing));
    }

    /** The warning line naming the rule and the event types nothing produces. */
    public String line() {
      if (missing.isEmpty()) {
        return DEAD_ANY_TYPE.formatted(rule);
      }
      List<String> shown = missing.stream().limit(TYPES_SHOWN).toList();
      String types = String.join(", ", shown);
      if (missing.size() > shown.size()) {
        types += " (and " + (missing.size() - shown.size()) + " more)";
      }
      return DEAD.formatted(rule, types);
    }
  }

  /** The enabled rules none of whose event types is in {@code delivered}, in rule order. */
  public static List<DeadRule> dead(List<CompiledRule> rules, Set<String> delivered) {
    List<DeadRule> out = new ArrayList<>();
    for (CompiledRule rule : rules) {
      if (!rule.enabled()) {
        continue;
      }
      boolean alive =
          rule.anyEventType()
              ? !delivered.isEmpty()
              : rule.eventTypes().stream().anyMatch(delivered::contains);
      if (!alive) {
        out.add(new DeadRule(rule.name(), rule.anyEventType() ? Set.of() : rule.eventTypes()));
      }
    }
    return out;
  }

  /** One line per dead rule, then the count: what {@code run} warns and {@code status} lists. */
  public static List<String> report(List<CompiledRule> rules, Set<String> delivered) {
    List<DeadRule> dead = dead(rules, delivered);
    long enabled = rules.stream().filter(CompiledRule::enabled).count();
    List<String> lines = new ArrayList<>(dead.stream().map(DeadRule::line).toList());
    lines.add(
        dead.isEmpty()
            ? SUMMARY_ALIVE.formatted(enabled)
            : SUMMARY_DEAD.formatted(dead.size(), enabled));
    return lines;
  }
}
