package dev.tapio.testing;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A rule set made of Java predicates, so the runner's logic is tested without the rule compiler.
 * Each rule outputs {@code proc.name} and {@code fd.name}.
 */
final class FakeHarness implements RuleHarness {
  record FakeRule(String name, Priority priority, boolean enabled, Predicate<EnrichedEvent> when) {}

  private final Map<String, FakeRule> rules = new LinkedHashMap<>();

  FakeHarness rule(String name, Priority priority, Predicate<EnrichedEvent> when) {
    rules.put(name, new FakeRule(name, priority, true, when));
    return this;
  }

  FakeHarness disabled(String name) {
    rules.put(name, new FakeRule(name, Priority.DEBUG, false, e -> true));
    return this;
  }

  @Override
  public List<Alert> evaluate(EnrichedEvent event) {
    List<Alert> out = new ArrayList<>();
    for (FakeRule r : rules.values()) {
      if (r.enabled() && r.when().test(event)) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("proc.name", event.process().name());
        fields.put("fd.name", null);
        out.add(
            new Alert(
                "id",
                r.name(),
                r.priority(),
                r.name() + " by " + event.process().name(),
                fields,
                Set.of(),
                "syscall",
                event.event().header().timeNanos(),
                event));
      }
    }
    return out;
  }

  @Override
  public List<String> explain(String rule, EnrichedEvent event) {
    return List.of("evt.type = execve: false (evt.type was '" + event.type() + "')");
  }

  @Override
  public Set<String> ruleNames() {
    return rules.keySet();
  }

  @Override
  public boolean isEnabled(String rule) {
    FakeRule r = rules.get(rule);
    return r != null && r.enabled();
  }
}
