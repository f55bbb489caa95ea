package dev.tapio.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleCasesTest {
  @TempDir Path dir;

  @Test
  void eachCaseFileIsAContainerAndEachCaseATestThatFailsWithTheExplanation() throws Throwable {
    Files.writeString(
        dir.resolve("rules.yaml"),
        """
        - rule: Shadow read
          desc: shadow read
          condition: evt.type = openat and fd.name = /etc/shadow
          output: shadow read by %proc.name
          priority: WARNING
        """);
    Path cases =
        Files.writeString(
            dir.resolve("cases.yaml"),
            """
            rules: [rules.yaml]
            cases:
              - name: cat reads shadow
                events: [{type: openat, path: /etc/shadow, process: {exe: /usr/bin/cat}}]
                expect: [{rule: Shadow read, fields: {proc.name: cat}}]
              - name: wrong expectation
                events: [{type: openat, path: /etc/passwd}]
                expect: [{rule: Shadow read}]
            """);

    List<DynamicNode> nodes;
    try (Stream<DynamicNode> stream = RuleCases.dynamicTests(dir)) {
      nodes = stream.toList();
      assertThat(nodes).hasSize(1);
      DynamicContainer file = (DynamicContainer) nodes.getFirst();
      assertThat(file.getDisplayName()).isEqualTo(cases.toString());
      List<DynamicTest> tests = file.getChildren().map(DynamicTest.class::cast).toList();
      assertThat(tests)
          .extracting(DynamicNode::getDisplayName)
          .containsExactly("cat reads shadow", "wrong expectation");

      tests.get(0).getExecutable().execute();
      assertThatThrownBy(() -> tests.get(1).getExecutable().execute())
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("expected rule 'Shadow read' to fire, but it did not:")
          .hasMessageContaining("fd.name = '/etc/passwd'");
    }
  }
}
