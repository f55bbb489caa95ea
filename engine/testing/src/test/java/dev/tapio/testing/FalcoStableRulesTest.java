package dev.tapio.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.sensors.Sensors;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Falco stable rules, compiled as the engine compiles them, each seen firing on the events of
 * its cases. Most cases use event types our sensors produce; those in {@link #BEYOND_THE_SENSORS}
 * use types no sensor produces today, so on a live node those rules cannot fire yet. The rules file
 * is external: it is read from the shared corpus next to the checkout and never copied here, so the
 * case files name rules and give events only.
 */
class FalcoStableRulesTest {
  private static final Path CORPUS = Path.of("../../../shared/falco-rules").toAbsolutePath();
  private static final String RULES_FILE = "falco_rules.yaml";

  /**
   * Enabled stable rules with no firing case, each with the reason our events cannot express it.
   * The list may only shrink: a rule gaining a case must leave it, and a new uncovered rule fails.
   */
  private static final Set<String> UNCOVERED =
      Set.of(
          // needs fd.sip.name, the DNS name of the server address: Tapio resolves no names, so
          // the field is never extracted and `fd.sip.name=kubernetes.default...` never holds
          "Contact K8S API Server From Container",
          // needs fd.type on dup/dup2/dup3: our events carry no descriptor table, so a dup has
          // no fd.type (ipv4/ipv6) to say the duplicated descriptor is a socket
          "Redirect STDOUT/STDIN to Network Connection in Container");

  /**
   * Event types no sensor produces today ({@code Sensors.eventTypes()}), each with the cases whose
   * events use it: on a live node their rules cannot fire yet. Kept exact: a sensor learning a type
   * takes its cases out of here, and a new case beyond the sensors must be listed.
   */
  private static final Map<String, Set<String>> BEYOND_THE_SENSORS =
      Map.of(
          "connect",
          Set.of(
              "a non-blocking ssh connect still in progress counts",
              "a refused ssh connect did not get out",
              "curl to port 443 is not ssh",
              "ssh on port 22 is standard",
              "ssh on port 443 to a private address stays inside",
              "ssh over IPv6 to port 53",
              "ssh to an outside host on port 443"),
          "socket",
          Set.of(
              "a packet socket is opened in a container",
              "a packet socket on the host",
              "an inet socket in a container"));

  private static CompiledRulesHarness harness;

  private static Path rulesFile() {
    Path file = CORPUS.normalize().resolve(RULES_FILE);
    assumeTrue(
        Files.isRegularFile(file),
        "SKIPPED LOUDLY: the Falco stable rules are not at " + file + "; no stable rule is tested");
    return file;
  }

  private static synchronized CompiledRulesHarness harness() {
    if (harness == null) {
      harness = CompiledRulesHarness.load(List.of(rulesFile()));
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

  private static List<Path> caseFiles() throws URISyntaxException {
    Path dir = Path.of(FalcoStableRulesTest.class.getResource("/falco-stable").toURI());
    return CaseDiscovery.find(List.of(dir));
  }

  @TestFactory
  Stream<DynamicNode> stableRuleCases() throws URISyntaxException {
    CaseRunner runner = new CaseRunner(harness());
    return caseFiles().stream()
        .map(
            path -> {
              CaseFile file = CaseFileReader.read(path);
              assertThat(file.ruleFiles()).as("%s names no rules files", path).isEmpty();
              return CaseTests.container(
                  path.getFileName().toString(), path, CaseCheck.of(file, runner));
            });
  }

  @Test
  void theCasesBeyondTheSensorsAreExactlyThoseListed() throws URISyntaxException {
    Set<String> produced = Sensors.eventTypes();
    Map<String, Set<String>> beyond = new TreeMap<>();
    for (Path file : caseFiles()) {
      for (RuleCase c : CaseFileReader.read(file).cases()) {
        c.events().stream()
            .map(e -> e.type())
            .filter(type -> !produced.contains(type))
            .forEach(type -> beyond.computeIfAbsent(type, t -> new TreeSet<>()).add(c.name()));
      }
    }
    assertThat(beyond).isEqualTo(BEYOND_THE_SENSORS);
  }

  @Test
  void everyEnabledStableRuleFiresInACaseOrIsListedAsUncovered() throws URISyntaxException {
    CompiledRulesHarness rules = harness();
    Set<String> fired = new TreeSet<>();
    for (Path file : caseFiles()) {
      for (RuleCase c : CaseFileReader.read(file).cases()) {
        c.expected().stream()
            .filter(e -> e.count() == null || e.count() > 0)
            .forEach(e -> fired.add(e.rule()));
      }
    }
    Set<String> uncovered = new TreeSet<>();
    for (String rule : rules.ruleNames()) {
      if (rules.isEnabled(rule) && !fired.contains(rule)) {
        uncovered.add(rule);
      }
    }
    assertThat(uncovered).containsExactlyInAnyOrderElementsOf(UNCOVERED);
  }
}
