package dev.tapio.app.reload;

import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Picks the shadow rules: the shadow files load after the live ones, in the same load, so they see
 * (and may append to or override) the live lists, macros and rules; every rule that load yields
 * differently from the live load (new, or another condition, output or priority, or switched on) is
 * a shadow rule. A macro changed in a shadow file so makes every rule using it a shadow rule too,
 * while the live rule of the same name keeps running unchanged.
 */
final class ShadowRules {
  private ShadowRules() {}

  /** The shadow rule set (only the shadow rules enabled), or null when no rule differs. */
  static @Nullable CompiledRuleSet build(LoadReport live, LoadReport withShadow) {
    List<CompiledRule> rules = select(live, withShadow);
    if (rules.stream().noneMatch(CompiledRule::enabled)) {
      return null;
    }
    return CompiledRuleSet.build(rules, withShadow.matching());
  }

  /**
   * The rules of the load with the shadow files, only the shadow rules among them enabled: what
   * {@link #build} builds the shadow rule set from.
   */
  static List<CompiledRule> select(LoadReport live, LoadReport withShadow) {
    Map<String, CompiledRule> liveByName = new HashMap<>();
    live.rules().forEach(r -> liveByName.put(r.name(), r));
    return withShadow.rules().stream()
        .map(r -> r.withEnabled(r.enabled() && differs(r, liveByName.get(r.name()))))
        .toList();
  }

  private static boolean differs(CompiledRule shadow, @Nullable CompiledRule live) {
    return live == null
        || !live.enabled()
        || !live.condition().equals(shadow.condition())
        || !live.output().format().equals(shadow.output().format())
        || live.priority() != shadow.priority();
  }
}
