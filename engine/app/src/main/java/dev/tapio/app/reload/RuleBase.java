package dev.tapio.app.reload;

import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.CompiledRuleSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One generation of rules: the live rule set, the shadow rule set when shadow files add or change
 * rules, and the fingerprint of the files they came from.
 */
public record RuleBase(CompiledRuleSet live, @Nullable CompiledRuleSet shadow, String hash) {

  /** Every event type a live or shadow rule can match. */
  public Set<String> eventTypes() {
    Set<String> out = new TreeSet<>(live.eventTypes());
    if (shadow != null) {
      out.addAll(shadow.eventTypes());
    }
    return out;
  }

  /** The enabled shadow rules. */
  public List<CompiledRule> shadowRules() {
    return shadow == null
        ? List.of()
        : shadow.rules().stream().filter(CompiledRule::enabled).toList();
  }

  /**
   * What the kernel may drop for these rules: nothing that a live rule, a live correlation's step
   * or a shadow rule may need.
   */
  public dev.tapio.api.filter.KernelFilter kernelFilter() {
    return live.kernelFilterWith(shadowRules());
  }

  /** The live rules, then the enabled shadow rules: everything that can raise an alert. */
  public List<CompiledRule> allRules() {
    return java.util.stream.Stream.concat(live.rules().stream(), shadowRules().stream()).toList();
  }
}
