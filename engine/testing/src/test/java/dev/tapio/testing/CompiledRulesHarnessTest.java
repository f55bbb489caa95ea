package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases are matched as the engine matches events: the first matching rule takes the event. */
class CompiledRulesHarnessTest {
  @TempDir Path dir;

  @Test
  void aRuleAnEarlierRuleTakesTheEventFromFailsAndTheExplanationNamesTheEarlierRule()
      throws Exception {
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            """
            - rule: Any program from tmp
              desc: d
              condition: evt.type = execve and proc.exepath startswith /tmp/
              output: o
              priority: WARNING
            - rule: Root program from tmp
              desc: d
              condition: evt.type = execve and proc.exepath startswith /tmp/ and user.uid = 0
              output: o
              priority: CRITICAL
            """);
    Path cases =
        Files.writeString(
            dir.resolve("cases.yaml"),
            """
            cases:
              - name: the narrow rule loads second
                events: [{type: execve, process: {exe: /tmp/x, uid: 0}}]
                expect: [{rule: Root program from tmp}]
            """);

    try (CompiledRulesHarness harness = CompiledRulesHarness.load(List.of(rules))) {
      CaseResult result =
          new CaseRunner(harness).run(CaseFileReader.read(cases).cases().getFirst());

      assertThat(result.alerts()).extracting(a -> a.rule()).containsExactly("Any program from tmp");
      assertThat(String.join("\n", result.failures()))
          .contains("expected rule 'Root program from tmp' to fire, but it did not")
          .contains("the event raised 'Any program from tmp', loaded before this rule")
          .contains("unexpected");
    }
  }
}
