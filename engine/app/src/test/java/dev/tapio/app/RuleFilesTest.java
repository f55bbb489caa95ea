package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleFilesTest {

  @Test
  void filesComeFirstThenEachDirectorysYamlInNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("20-local.yaml"), "");
    Files.writeString(dir.resolve("10-base.yml"), "");
    Files.writeString(dir.resolve("notes.txt"), "");
    Files.createDirectory(dir.resolve("sub.yaml"));
    Path explicit = Path.of("/etc/tapio/main.yaml");

    assertThat(RuleFiles.collect(List.of(explicit), List.of(dir)))
        .containsExactly(explicit, dir.resolve("10-base.yml"), dir.resolve("20-local.yaml"));
  }

  @Test
  void aMissingDirectoryIsAnError(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> RuleFiles.collect(List.of(), List.of(missing)))
        .hasMessage("rules directory not found: " + missing);
  }
}
