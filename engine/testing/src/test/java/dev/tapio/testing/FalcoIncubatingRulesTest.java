package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Falco incubating rules, loaded after the stable file whose macros they use, each seen firing (and
 * staying silent) on the events of its cases. The rule files are read from the shared corpus, never
 * copied here.
 */
class FalcoIncubatingRulesTest {
  private static final Path CORPUS = Path.of("../../../shared/falco-rules").toAbsolutePath();

  private static CompiledRulesHarness harness;

  private static synchronized CompiledRulesHarness harness() {
    if (harness == null) {
      Path stable = CORPUS.normalize().resolve("falco_rules.yaml");
      Path incubating = CORPUS.normalize().resolve("falco-incubating_rules.yaml");
      assumeTrue(
          Files.isRegularFile(stable) && Files.isRegularFile(incubating),
          "SKIPPED LOUDLY: the Falco rule files are not at " + CORPUS);
      harness = CompiledRulesHarness.load(List.of(stable, incubating));
    }
    return harness;
  }

  @AfterAll
  static void close() {
    if (harness != null) {
      harness.close();
      harness = null;
    }
  }

  @TestFactory
  Stream<DynamicNode> incubatingRuleCases() throws URISyntaxException {
    Path dir = Path.of(FalcoIncubatingRulesTest.class.getResource("/falco-incubating").toURI());
    CaseRunner runner = new CaseRunner(harness());
    return CaseDiscovery.find(List.of(dir)).stream()
        .map(
            path -> {
              CaseFile file = CaseFileReader.read(path);
              assertThat(file.ruleFiles()).as("%s names no rules files", path).isEmpty();
              return CaseTests.container(
                  path.getFileName().toString(), path, CaseCheck.of(file, runner));
            });
  }
}
