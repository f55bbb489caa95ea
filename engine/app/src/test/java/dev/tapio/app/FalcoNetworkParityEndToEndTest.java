package dev.tapio.app;

import static dev.tapio.app.FalcoParityEndToEndTest.CORPUS;
import static dev.tapio.app.FalcoParityEndToEndTest.FILES;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Falco parity on live network events: the network actions of Falco's event generator, re-enacted
 * with real sockets ({@link NetworkParityActions}) under a live engine loaded with Falco's three
 * rule files and a rules file enabling the two the files ship disabled ({@link
 * NetworkParityTable#OVERRIDES}). {@link NetworkParityTable} says whether each target rule fires,
 * and this test holds it to that both ways; a firing rule's alert must name the action's process
 * and socket ({@link NetworkParityActions#EXPECTED}): one of its alerts must carry them all. A rule
 * that cannot fire is printed with the reason.
 *
 * <p>Only alerts from the test's two cgroups (host actions, container actions) count.
 */
@Tag("privileged")
@HostOnly(
    "Falco's network rules over the socket sensor, whose kernel-dependent facts the kernel-tagged"
        + " network tests check in every guest; reads Falco's files from ../shared")
class FalcoNetworkParityEndToEndTest {
  @TempDir Path dir;

  @Test
  void eventGeneratorNetworkActionsFireTheirFalcoRules() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "SKIPPED LOUDLY: the Falco network parity test needs root to load eBPF programs");
    assumeTrue(
        Files.isDirectory(CORPUS),
        "SKIPPED LOUDLY: Falco rule corpus not found at " + CORPUS + " (beside the clone in CI)");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path overrides = Files.writeString(dir.resolve("enable.yaml"), NetworkParityTable.OVERRIDES);
    List<Path> files = Stream.concat(FILES.stream(), Stream.of(overrides)).toList();
    var alerts = new InMemoryAlertSink();
    var options = new EngineOptions(files, false, null, false, 1 << 22, Map.of());
    Set<String> firing =
        NetworkParityTable.ROWS.stream()
            .filter(r -> r.status().fires())
            .map(ParityTable.Row::rule)
            .collect(Collectors.toSet());

    Map<String, List<Alert>> fired;
    try (var actions = new NetworkParityActions(dir, compileHelper());
        Engine engine = new Engine(options, alerts);
        TestCgroup host = TestCgroup.create("netparity");
        TestCgroup container = TestCgroup.dockerContainer(randomId())) {
      engine.start();
      actions.runAll(host, container);
      Set<Long> ours = Set.of(host.id(), container.id());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!byRule(alerts, ours).keySet().containsAll(firing) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      Thread.sleep(1_000); // late alerts of rules that must stay silent
      fired = byRule(alerts, ours);
    }

    List<String> wrong = new ArrayList<>();
    for (ParityTable.Row row : NetworkParityTable.ROWS) {
      List<Alert> raised = fired.getOrDefault(row.rule(), List.of());
      if (row.status().fires() == raised.isEmpty()) {
        wrong.add(
            row.rule()
                + ": table says "
                + row.status()
                + ", live it "
                + (raised.isEmpty() ? "did not fire" : "fired"));
      } else if (!raised.isEmpty()) {
        Map<String, String> expected =
            NetworkParityActions.EXPECTED.getOrDefault(row.rule(), Map.of());
        if (raised.stream().noneMatch(a -> carries(a, expected))) {
          wrong.add(row.rule() + ": no alert carries " + expected);
        }
      } else {
        System.out.println("network parity: " + row.rule() + " cannot fire: " + row.why());
      }
    }
    assertThat(wrong)
        .as("network parity rows that do not hold; alerts from the actions: %s", fired)
        .isEmpty();
  }

  /** A rule the table says cannot fire for want of a sensor is one {@code tapio run} names. */
  @Test
  void rulesWithoutASensorAreTheOnesTapioRunNames() {
    assumeTrue(Files.isDirectory(CORPUS), "SKIPPED LOUDLY: Falco rule corpus not found");
    Set<String> dead =
        RuleReach.dead(RuleSets.load(FILES).rules(), Sensors.eventTypes()).stream()
            .map(RuleReach.DeadRule::rule)
            .collect(Collectors.toSet());
    assertThat(dead).contains("Packet socket created in container");
    assertThat(NetworkParityTable.ROWS)
        .filteredOn(r -> r.status().fires())
        .extracting(ParityTable.Row::rule)
        .doesNotContainAnyElementsOf(dead);
  }

  @Test
  void theDocumentedTableAndOverridesAreTheTests() throws Exception {
    Path page = Path.of("../../docs/falco-compatibility.md");
    String doc = Files.exists(page) ? Files.readString(page) : "";
    Path fresh = Path.of("target/falco-network-parity-table.md").toAbsolutePath();
    String expected =
        "```yaml\n" + NetworkParityTable.OVERRIDES + "```\n\n" + NetworkParityTable.markdown();
    if (!doc.contains(expected)) {
      Files.writeString(fresh, expected);
    }
    assertThat(doc).as("%s shows the network table as %s has it", page, fresh).contains(expected);
  }

  /** The alerts of each rule raised on events of processes in the cgroups {@code ids}. */
  private static Map<String, List<Alert>> byRule(InMemoryAlertSink alerts, Set<Long> ids) {
    return alerts.alerts().stream()
        .filter(a -> ids.contains(a.event().event().header().cgroupId()))
        .collect(Collectors.groupingBy(Alert::rule));
  }

  /** Whether {@code alert}'s output fields hold every expected value (compared as text). */
  private static boolean carries(Alert alert, Map<String, String> expected) {
    return expected.entrySet().stream()
        .allMatch(e -> e.getValue().equals(Objects.toString(alert.outputFields().get(e.getKey()))));
  }

  private static String randomId() {
    byte[] random = new byte[32];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private Path compileHelper() throws Exception {
    Path source = dir.resolve("netparity.c");
    try (InputStream in = getClass().getResourceAsStream("netparity.c")) {
      Files.write(source, Objects.requireNonNull(in).readAllBytes());
    }
    Path binary = dir.resolve("netparity");
    EndToEnd.run("gcc", "-O1", "-Wall", "-o", binary.toString(), source.toString());
    return binary;
  }
}
