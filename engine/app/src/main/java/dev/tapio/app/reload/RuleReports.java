package dev.tapio.app.reload;

import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import dev.tapio.rules.LoadReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The rule files loaded and compiled, their rule bases not built yet: what the rules need from the
 * sensors is known from here ({@link #shape()}), the Drools build ({@link #build()}) can run beside
 * the sensors' start.
 *
 * @param live the live rules' load
 * @param withShadow the load of the live files and then the shadow files, or null without shadow
 *     files
 * @param hash the fingerprint of the files read
 */
public record RuleReports(LoadReport live, @Nullable LoadReport withShadow, String hash) {

  /** The enabled shadow rules: those the shadow files add or change. */
  List<CompiledRule> shadowRules() {
    return withShadow == null
        ? List.of()
        : ShadowRules.select(live, withShadow).stream().filter(CompiledRule::enabled).toList();
  }

  /**
   * What {@link RuleShape#of} says of the rule base {@link #build()} builds, without building it.
   */
  public RuleShape shape() {
    List<CompiledRule> shadow = shadowRules();
    Set<String> types =
        new TreeSet<>(CompiledRuleSet.eventTypes(live.rules(), live.correlations()));
    types.addAll(CompiledRuleSet.eventTypes(shadow, List.of()));
    List<CompiledRule> all = new ArrayList<>(live.rules());
    all.addAll(shadow);
    return new RuleShape(types, CompiledRuleSet.kernelFilter(all, live.correlations()));
  }

  /** Builds the live and the shadow rule bases (the Drools part of loading rules). */
  public RuleBase build() {
    LoadReport shadow = withShadow;
    return new RuleBase(
        live.buildRuleSet(), shadow == null ? null : ShadowRules.build(live, shadow), hash);
  }
}
