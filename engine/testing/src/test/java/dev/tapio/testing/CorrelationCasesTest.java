package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A correlation that did not fire is explained step by step, then over the whole case. */
class CorrelationCasesTest {
  @TempDir Path dir;

  private CaseResult run(String yaml) throws Exception {
    Path file = dir.resolve("cases.yaml");
    Files.writeString(file, yaml);
    try (CompiledRulesHarness rules = CompiledRulesHarness.load(List.of())) {
      return new CaseRunner(rules).run(CaseFileReader.read(file).cases().getFirst());
    }
  }

  @Test
  void aStepThatMatchedNothingIsNamed() throws Exception {
    CaseResult r =
        run(
            """
            cases:
              - name: a shell then ls
                focus: [Interactive shell then network tool in a container]
                events:
                  - {type: execve, time: 2026-03-01T10:00:00Z, process: {cmdline: /bin/bash, tty: 1}, container: {id: aaaaaaaaaaaa1111}}
                  - {type: execve, time: 2026-03-01T10:00:05Z, process: {cmdline: ls}, container: {id: aaaaaaaaaaaa1111}}
                expect: [{rule: Interactive shell then network tool in a container}]
            """);
    assertThat(r.failures())
        .singleElement()
        .asString()
        .contains(
            "expected rule 'Interactive shell then network tool in a container' to fire, but it did not:",
            "  event 0 (execve):\n"
                + "    step 'shell' (rule 'Interactive shell in a container'): matches, key container.id = aaaaaaaaaaaa\n",
            "  event 1 (execve):\n"
                + "    step 'shell' (rule 'Interactive shell in a container'): does not match:\n",
            "    step 'tool': does not match:\n"
                + "      proc.name in (curl, wget, nc, ncat, ... (10 more)): false (proc.name = 'ls')\n",
            "  over all events:\n    step 'tool' matched no event");
  }

  @Test
  void stepsOutOfTimeAreSaidToBe() throws Exception {
    CaseResult r =
        run(
            """
            cases:
              - name: too late
                focus: [Interactive shell then network tool in a container]
                events:
                  - {type: execve, time: 2026-03-01T10:00:00Z, process: {cmdline: /bin/bash, tty: 1}, container: {id: aaaaaaaaaaaa1111}}
                  - {type: execve, time: 2026-03-01T10:05:00Z, process: {cmdline: wget x}, container: {id: aaaaaaaaaaaa1111}}
                expect: [{rule: Interactive shell then network tool in a container}]
            """);
    assertThat(r.failures())
        .singleElement()
        .asString()
        .endsWith(
            "  over all events:\n"
                + "    every step matched, but not in order within 60s with one key [container.id]");
  }
}
