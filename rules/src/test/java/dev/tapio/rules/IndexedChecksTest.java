package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.rules.internal.drools.IndexedCheck;
import dev.tapio.rules.internal.drools.RuleSession;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The checks the rule base indexes: which qualify, how they become Drools rules, and that indexing
 * changes which rules run but never what matches.
 */
class IndexedChecksTest {

  private static LoadReport load(RuleMatching mode, String yaml) {
    LoadReport r =
        RuleLoader.create(mode).loadSources(List.of(new RuleLoader.Source("r.yaml", yaml)));
    assertThat(r.exitStatus()).as(r.text(false)).isZero();
    return r;
  }

  private static String rule(String name, String condition) {
    return "- rule: "
        + name
        + "\n  desc: d\n  output: o\n  priority: INFO\n  condition: "
        + condition
        + "\n";
  }

  @Test
  void onlyPlainEqualityChecksEveryMatchPassesAreIndexed() {
    String condition =
        "evt.type = execve and (proc.name in (bash, sh) and container.privileged = true)"
            + " and proc.vpid = 1 and proc.aname[2] = systemd"
            + " and not user.name = root and (proc.pname = a or user.uid = 0)"
            + " and fd.port = 80 and proc.aname = init and fd.sip = 10.0.0.1"
            + " and proc.cmdline contains x and proc.exe != /bin/true and proc.args in (-x)";
    CompiledRule r = load(RuleMatching.ALL, rule("r", condition)).rules().getFirst();

    assertThat(r.code().indexedChecksFor("execve"))
        .extracting(IndexedCheck::field, IndexedCheck::text, IndexedCheck::values)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("proc.name", true, List.of("bash", "sh")),
            org.assertj.core.groups.Tuple.tuple("container.privileged", false, List.of(true)),
            org.assertj.core.groups.Tuple.tuple("proc.vpid", false, List.of(1L)),
            org.assertj.core.groups.Tuple.tuple("proc.aname[2]", true, List.of("systemd")),
            org.assertj.core.groups.Tuple.tuple("proc.args", true, List.of("-x")));
    assertThat(r.code().indexedChecksFor("openat")).isEmpty();
  }

  @Test
  void anOrImpliesWhatEveryBranchImpliesAndAnAndNarrowsIt() {
    String condition =
        "evt.type = execve and ((proc.name = nc and proc.args contains -e)"
            + " or (proc.name in (ncat, socat) and proc.pname = bash)"
            + " or (proc.name = nc and proc.pname = sh))"
            + " and (proc.pname = bash or user.name = root)"
            + " and proc.aname[1] in (a, b, c) and (proc.aname[1] = b or proc.aname[1] in (c, d))";
    CompiledRule r = load(RuleMatching.ALL, rule("r", condition)).rules().getFirst();

    assertThat(r.code().indexedChecksFor("execve"))
        .extracting(IndexedCheck::field, IndexedCheck::values)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("proc.name", List.of("nc", "ncat", "socat")),
            org.assertj.core.groups.Tuple.tuple("proc.aname[1]", List.of("b", "c")));

    CompiledRule never =
        load(RuleMatching.ALL, rule("n", "evt.type = execve and proc.name = a and proc.name = b"))
            .rules()
            .getFirst();
    assertThat(never.code().indexedChecksFor("execve"))
        .isEmpty(); // no value left: nothing to index
  }

  @Test
  void aCheckWithSeveralValuesBecomesOneDroolsRulePerValue() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= dev.tapio.rules.internal.drools.IndexPlan.MAX_VALUES; i++) {
      many.append(i == 0 ? "" : ", ").append("p").append(i);
    }
    LoadReport r =
        load(
            RuleMatching.ALL,
            rule("shells", "evt.type = execve and proc.name in (bash, sh) and proc.vpid = 1")
                + rule("many", "evt.type = execve and proc.name in (" + many + ")"));
    String drl = r.buildRuleSet().drl();

    assertThat(drl)
        .contains("rule \"r0_execve_0\"", "rule \"r0_execve_1\"")
        .contains(
            "tapio.key(\"proc.name\", this) == \"bash\", tapio.key(\"proc.vpid\", this) == \"1\"")
        .contains("tapio.key(\"proc.name\", this) == \"sh\"")
        .contains("rule \"r1_execve\"") // too many values: left to the predicate
        .doesNotContain("== \"p1\"");
  }

  @Test
  void indexedRulesMatchWhatTheirConditionsSayAndMissingFieldsMatchNothing() throws Exception {
    String rules =
        rule("shells", "evt.type = execve and proc.name in (bash, sh) and proc.vpid = 100")
            + rule("writes", "evt.type = openat and evt.is_open_write = true and fd.typechar = f")
            + rule("web port", "evt.type in (openat, connect) and fd.sport in (80, 443)");
    for (RuleMatching mode : RuleMatching.values()) {
      LoadReport r = load(mode, rules);
      for (CompiledRuleSet set :
          List.of(r.buildRuleSet(), CompiledRuleSet.buildFromDrl(r.rules(), mode))) {
        List<String> fired = new ArrayList<>();
        try (RuleSession s = set.session((rule, e) -> fired.add(rule.name()))) {
          s.process(Events.of(Events.exec("/bin/bash", "bash"), "bash"));
          s.process(Events.of(Events.exec("/bin/zsh", "zsh"), "zsh"));
          s.process(Events.of(Events.open("/etc/x", 1), "vi"));
          s.process(Events.of(Events.open("/etc/x", 0), "cat")); // read: not a write
          s.process(Events.of(Events.open("/etc/x", 1), "vi")); // no port on a file: no match
          s.process(Events.of(Events.connect("10.0.0.9", 443), "curl"));
          s.process(Events.of(Events.connect("10.0.0.9", 8443), "curl"));
        }
        assertThat(fired).as(mode.name()).containsExactly("shells", "writes", "writes", "web port");
      }
    }
  }

  @Test
  void withFalcosRulesTheRuleBaseMatchesExactlyWhatThePredicatesMatch() throws Exception {
    boolean present = Files.isRegularFile(FalcoCorpusTest.STABLE);
    if (!present) {
      System.err.println("!!!!! Falco rule corpus not found: indexing equivalence SKIPPED !!!!!");
    }
    assumeTrue(present, "Falco rule corpus missing at " + FalcoCorpusTest.DIR);
    LoadReport report =
        RuleLoader.create(RuleMatching.ALL)
            .load(
                List.of(
                    FalcoCorpusTest.STABLE, FalcoCorpusTest.INCUBATING, FalcoCorpusTest.SANDBOX));
    CompiledRuleSet set = report.buildRuleSet();

    // every process name an indexed check of the corpus names, plus some no rule names
    TreeSet<String> names = new TreeSet<>(List.of("nginx", "python3", "unlisted"));
    for (CompiledRule r : set.rules()) {
      for (String type : r.eventTypes()) {
        for (IndexedCheck c : r.code().indexedChecksFor(type)) {
          if (c.field().equals("proc.name") || c.field().equals("proc.pname")) {
            c.values().forEach(v -> names.add(v.toString()));
          }
        }
      }
    }
    ContainerInfo container =
        new ContainerInfo(
            "3f9d2c1b0a4e",
            "web",
            "docker.io/library/nginx:1.27",
            "docker.io/library/nginx",
            "1.27",
            "",
            "containerd",
            true,
            List.of(),
            Map.of(),
            0);
    List<EnrichedEvent> events = new ArrayList<>();
    for (String name : names) {
      for (String parent : List.of("bash", "nginx", "sshd", name)) {
        Lineage lineage =
            new Lineage(
                List.of(
                    Events.process(100, name, "/usr/bin/" + name, "-c", "id"),
                    Events.process(99, parent, "/usr/bin/" + parent),
                    Events.process(1, "init", "/sbin/init")));
        for (var event :
            List.of(
                Events.exec("/usr/bin/" + name, name, "-c", "id"),
                Events.open("/etc/shadow", 0),
                Events.open("/etc/passwd", 1),
                Events.open("/root/.ssh/authorized_keys", 1),
                Events.open("/usr/bin/evil", 0101),
                Events.connect("169.254.169.254", 80),
                Events.connect("10.0.0.9", 4444))) {
          for (ContainerInfo c : List.of(ContainerInfo.HOST, container)) {
            events.add(new EnrichedEvent(event, lineage, Events.ROOT, c, null, "node1"));
          }
        }
      }
    }

    int matches = 0;
    List<String> fired = new ArrayList<>();
    try (RuleSession session = set.session((rule, e) -> fired.add(rule.name()))) {
      for (EnrichedEvent e : events) {
        List<String> expected = new ArrayList<>();
        for (CompiledRule r : set.rules()) {
          boolean runs = r.enabled() && (r.anyEventType() || r.eventTypes().contains(e.type()));
          if (runs
              && (r.anyEventType() ? r.code().predicate() : r.code().predicateFor(e.type()))
                  .test(e)) {
            expected.add(r.name());
          }
        }
        fired.clear();
        session.process(e);
        assertThat(fired).as("%s", e).containsExactlyInAnyOrderElementsOf(expected);
        matches += expected.size();
      }
    }
    System.out.println(events.size() + " events, " + matches + " matches");
    assertThat(matches).as("the events exercise the rules").isGreaterThan(200);
  }
}
