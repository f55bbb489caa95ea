package dev.tapio.app;

import dev.tapio.app.config.EffectiveConfig;
import dev.tapio.app.config.Settings;
import dev.tapio.rules.CompiledRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns loaded rules off and on by name or tag without editing rule files ({@code rules.disable},
 * {@code rules.enable}): disabling first, then enabling, so {@code enable} wins for a rule both
 * name. A name or tag that matches no rule is reported, not an error: one configuration can serve
 * several rule versions.
 */
public record RuleSelection(
    Set<String> disableNames,
    Set<String> disableTags,
    Set<String> enableNames,
    Set<String> enableTags) {

  static final String NO_MATCH = "%s: no rule %s '%s'";

  public RuleSelection {
    disableNames = Set.copyOf(disableNames);
    disableTags = Set.copyOf(disableTags);
    enableNames = Set.copyOf(enableNames);
    enableTags = Set.copyOf(enableTags);
  }

  public static final RuleSelection NONE =
      new RuleSelection(Set.of(), Set.of(), Set.of(), Set.of());

  public static RuleSelection of(EffectiveConfig config) {
    return new RuleSelection(
        Set.copyOf(config.get(Settings.RULES_DISABLE_NAMES)),
        Set.copyOf(config.get(Settings.RULES_DISABLE_TAGS)),
        Set.copyOf(config.get(Settings.RULES_ENABLE_NAMES)),
        Set.copyOf(config.get(Settings.RULES_ENABLE_TAGS)));
  }

  /** The rules with their enabled flags changed as selected. */
  public List<CompiledRule> apply(List<CompiledRule> rules) {
    List<CompiledRule> out = new ArrayList<>(rules.size());
    for (CompiledRule r : rules) {
      boolean enabled = r.enabled();
      if (disableNames.contains(r.name()) || r.tags().stream().anyMatch(disableTags::contains)) {
        enabled = false;
      }
      if (enableNames.contains(r.name()) || r.tags().stream().anyMatch(enableTags::contains)) {
        enabled = true;
      }
      out.add(r.withEnabled(enabled));
    }
    return out;
  }

  /** One line per name or tag that matches no rule. */
  public List<String> unmatched(List<CompiledRule> rules) {
    Set<String> names = rules.stream().map(CompiledRule::name).collect(Collectors.toSet());
    Set<String> tags = rules.stream().flatMap(r -> r.tags().stream()).collect(Collectors.toSet());
    List<String> out = new ArrayList<>();
    disableNames.stream()
        .filter(n -> !names.contains(n))
        .sorted()
        .forEach(n -> out.add(NO_MATCH.formatted("rules.disable.names", "named", n)));
    disableTags.stream()
        .filter(t -> !tags.contains(t))
        .sorted()
        .forEach(t -> out.add(NO_MATCH.formatted("rules.disable.tags", "tagged", t)));
    enableNames.stream()
        .filter(n -> !names.contains(n))
        .sorted()
        .forEach(n -> out.add(NO_MATCH.formatted("rules.enable.names", "named", n)));
    enableTags.stream()
        .filter(t -> !tags.contains(t))
        .sorted()
        .forEach(t -> out.add(NO_MATCH.formatted("rules.enable.tags", "tagged", t)));
    return out;
  }
}
