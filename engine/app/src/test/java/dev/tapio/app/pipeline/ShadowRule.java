package dev.tapio.app.pipeline;

import dev.tapio.rules.CompiledRule;
import dev.tapio.rules.RuleLoader;
import java.util.List;

/** A one-rule set compiled as the engine compiles rules, for the pipeline's tests. */
final class ShadowRule {

  static final CompiledRule RULE =
      RuleLoader.create()
          .loadSources(
              List.of(
                  new RuleLoader.Source(
                      "shadow.yaml",
                      """
                      - rule: Shadow read
                        desc: reads /etc/shadow
                        condition: evt.type = openat and fd.name = /etc/shadow
                        output: "image=%container.image"
                        priority: WARNING
                      """)))
          .buildRuleSet()
          .rule("Shadow read")
          .orElseThrow();

  private ShadowRule() {}
}
