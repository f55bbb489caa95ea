package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseDiscoveryTest {
  @TempDir Path dir;

  @Test
  void directoriesYieldCaseFilesInNameOrderAndSkipRuleFiles() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Path b = Files.writeString(dir.resolve("sub/b.yml"), "cases: []\n");
    Path a = Files.writeString(dir.resolve("a.yaml"), "cases: []\n");
    Path broken = Files.writeString(dir.resolve("c.yaml"), "cases: [\n");
    Files.writeString(dir.resolve("rules.yaml"), "- macro: m\n  condition: evt.type = open\n");
    Files.writeString(dir.resolve("notes.txt"), "cases: []\n");

    assertThat(CaseDiscovery.find(List.of(dir))).containsExactly(a, broken, b);
  }

  @Test
  void aNamedFileIsTakenAsIsAndAMissingPathIsAnError() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), "- list: x\n  items: []\n");
    assertThat(CaseDiscovery.find(List.of(rules))).containsExactly(rules);
    assertThatThrownBy(() -> CaseDiscovery.find(List.of(dir.resolve("nope"))))
        .hasMessage(dir.resolve("nope") + ": no such file or directory");
  }
}
