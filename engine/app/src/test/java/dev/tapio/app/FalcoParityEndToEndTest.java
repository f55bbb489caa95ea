package dev.tapio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.spi.InMemoryAlertSink;
import dev.tapio.sensors.Sensors;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falco parity on live events: the host actions of Falco's event generator
 * (falcosecurity/event-generator, {@code events/syscall}), re-enacted here with a small C helper,
 * symlinks named as the programs the rules look for, and the usual command-line tools, under a live
 * engine loaded with Falco's three rule files. Each action targets one non-network rule; {@link
 * ParityTable} says whether that rule fires on this kernel, and this test holds it to that, both
 * ways: a rule marked as firing must fire, one marked as unable must stay silent (so a fix shows up
 * as a table to update, and the table in {@code docs/falco-compatibility.md} follows).
 *
 * <p>Every action runs in a cgroup of the test's own and only alerts from that cgroup count: the
 * machine is shared and Falco's rules see everything on it.
 */
@Tag("privileged")
@HostOnly(
    "ParityTable records which Falco rules fire on the CI host's kernel; the actions that depend on the kernel run in the guests as the security, escape and process tests")
class FalcoParityEndToEndTest {
  static final Path CORPUS = Path.of("../../../shared/falco-rules").toAbsolutePath().normalize();
  static final List<Path> FILES =
      List.of(
          CORPUS.resolve("falco_rules.yaml"),
          CORPUS.resolve("falco-incubating_rules.yaml"),
          CORPUS.resolve("falco-sandbox_rules.yaml"));

  @TempDir Path dir;

  @Test
  void eventGeneratorHostActionsFireTheirFalcoRules() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the Falco parity test needs root to load eBPF programs");
    assumeTrue(
        Files.isDirectory(CORPUS),
        "SKIPPED LOUDLY: Falco rule corpus not found at " + CORPUS + " (beside the clone in CI)");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    var actions = new ParityActions(dir, compileHelper());
    var alerts = new InMemoryAlertSink();
    var options = new EngineOptions(FILES, false, null, false, 1 << 22, Map.of());

    Set<String> fired;
    try (Engine engine = new Engine(options, alerts);
        TestCgroup cgroup = TestCgroup.create("parity")) {
      engine.start();
      actions.runAll(cgroup);
      Set<String> firing =
          ParityTable.ROWS.stream()
              .filter(r -> r.status().fires())
              .map(ParityTable.Row::rule)
              .collect(Collectors.toSet());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!rulesFrom(alerts, cgroup.id()).containsAll(firing) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(1_000); // late alerts of rules that must stay silent
      fired = rulesFrom(alerts, cgroup.id());
    }

    List<String> wrong = new ArrayList<>();
    for (ParityTable.Row row : ParityTable.ROWS) {
      if (row.status().fires() != fired.contains(row.rule())) {
        wrong.add(
            row.rule()
                + ": table says "
                + row.status()
                + ", live it "
                + (fired.contains(row.rule()) ? "fired" : "did not fire"));
      }
    }
    assertThat(wrong)
        .as("parity table rows that do not hold; alerts from the actions: %s", fired)
        .isEmpty();
  }

  /**
   * A rule the table says cannot fire for want of a sensor is one {@code tapio run} names as unable
   * to fire, and none it says fires is.
   */
  @Test
  void rulesWithoutASensorAreTheOnesTapioRunNames() {
    assumeTrue(Files.isDirectory(CORPUS), "SKIPPED LOUDLY: Falco rule corpus not found");
    Set<String> dead =
        RuleReach.dead(RuleSets.load(FILES).rules(), Sensors.eventTypes()).stream()
            .map(RuleReach.DeadRule::rule)
            .collect(Collectors.toSet());
    // userfaultfd has a sensor now
    assertThat(dead)
        .doesNotContain("Unprivileged Delegation of Page Faults Handling to a Userspace Process");
    assertThat(ParityTable.ROWS)
        .filteredOn(r -> r.status().fires())
        .extracting(ParityTable.Row::rule)
        .doesNotContainAnyElementsOf(dead);
  }

  @Test
  void theDocumentedTableIsTheTestsTable() throws Exception {
    Path page = Path.of("../../docs/falco-compatibility.md");
    String doc = Files.exists(page) ? Files.readString(page) : "";
    Path fresh = Path.of("target/falco-parity-table.md").toAbsolutePath();
    if (!doc.contains(ParityTable.markdown())) {
      Files.writeString(fresh, ParityTable.markdown());
    }
    assertThat(doc)
        .as("%s shows the parity table as %s has it", page, fresh)
        .contains(ParityTable.markdown());
  }

  /** The rules whose alerts came from events of processes in cgroup {@code id}. */
  private static Set<String> rulesFrom(InMemoryAlertSink alerts, long id) {
    return alerts.alerts().stream()
        .filter(a -> a.event().event().header().cgroupId() == id)
        .map(Alert::rule)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private Path compileHelper() throws Exception {
    Path source = dir.resolve("parity.c");
    try (InputStream in = getClass().getResourceAsStream("parity.c")) {
      Files.write(source, in.readAllBytes());
    }
    Path binary = dir.resolve("parity");
    EndToEnd.run("gcc", "-O1", "-Wall", "-o", binary.toString(), source.toString());
    return binary;
  }
}
