package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Alert;
import dev.tapio.api.context.ContainerInfo;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.api.context.Lineage;
import dev.tapio.api.event.Credentials;
import dev.tapio.api.event.EventHeader;
import dev.tapio.api.event.FileOpen;
import dev.tapio.api.event.Namespaces;
import dev.tapio.api.event.ProcessExec;
import dev.tapio.rules.internal.correlate.EventIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Correlations over event time: sequences, thresholds, absences, keys and bounded state, with the
 * default evaluator; {@link DroolsStreamCorrelationTest} runs the same cases in Drools stream mode.
 */
class CorrelationTest {

  /** The evaluator the cases run with. */
  CompiledCorrelation.Evaluator evaluator() {
    return CompiledCorrelation.Evaluator.DEFAULT;
  }

  static final String RULES =
      """
      - rule: Shell
        desc: a shell
        condition: evt.type = execve and proc.name in (bash, sh)
        output: shell %proc.name
        priority: NOTICE

      - correlation: Shell then download
        steps:
          - name: shell
            rule: Shell
          - name: fetch
            condition: evt.type = execve and proc.name in (curl, wget)
        by: [container.id]
        within: 60s
        output: "%fetch.proc.cmdline after %shell.proc.name in %container.id"
        priority: WARNING
        tags: [correlation]

      - correlation: Many curls
        kind: threshold
        count: 3
        steps:
          - condition: evt.type = execve and proc.name = curl
        by: [container.id]
        within: 10s
        output: curl burst in %container.id
        priority: NOTICE

      - correlation: Write then run
        steps:
          - name: write
            condition: evt.type = openat and evt.is_open_write = true
          - name: run
            condition: evt.type = execve
        by: [container.id, {write: fd.name, run: proc.exepath}]
        within: 5m
        output: "%run.proc.exepath written by %write.proc.name"
        priority: ERROR

      - correlation: Unanswered shell
        kind: absence
        steps:
          - name: open
            condition: evt.type = execve and proc.name = bash
          - name: close
            condition: evt.type = execve and proc.name = logout
        by: [container.id]
        within: 30s
        output: shell %proc.name never logged out
        priority: INFO
      """;

  CompiledRuleSet set(String yaml) {
    LoadReport report =
        RuleLoader.create(RuleMatching.ALL)
            .loadSources(List.of(new RuleLoader.Source("c.yaml", yaml)));
    assertThat(report.successful()).as(report.text(true)).isTrue();
    return CompiledRuleSet.build(
        report.rules(), report.correlations(), report.matching(), evaluator());
  }

  static ContainerInfo container(String id) {
    return new ContainerInfo(
        id, "c-" + id, "img:1", "img", "1", "", "containerd", false, List.of(), Map.of(), 0);
  }

  static EnrichedEvent exec(double seconds, String container, String exe, String... args) {
    EventHeader h =
        new EventHeader(1_000_000_000_000L + (long) (seconds * 1e9), 7, 7, 1, Namespaces.UNKNOWN);
    String name = exe.substring(exe.lastIndexOf('/') + 1);
    ProcessExec e =
        new ProcessExec(
            h,
            "execve",
            exe,
            exe,
            List.of(args),
            "/",
            name,
            1,
            1,
            1,
            0,
            Credentials.root(),
            false,
            false);
    var p = Events.process(7, name, exe, args);
    return new EnrichedEvent(e, Lineage.of(p), Events.ROOT, container(container), null, "node1");
  }

  static EnrichedEvent write(double seconds, String container, String path) {
    EventHeader h =
        new EventHeader(1_000_000_000_000L + (long) (seconds * 1e9), 8, 8, 1, Namespaces.UNKNOWN);
    FileOpen f = new FileOpen(h, "openat", path, path, 0101, 0755, 3);
    return new EnrichedEvent(
        f,
        Lineage.of(Events.process(8, "cp", "/bin/cp")),
        Events.ROOT,
        container(container),
        null,
        "node1");
  }

  /** The alerts of {@code correlation} over {@code events}. */
  static List<Alert> run(CompiledRuleSet set, String correlation, EnrichedEvent... events) {
    List<Alert> out = new ArrayList<>();
    try (MatchingSession s = new MatchingSession(set)) {
      for (EnrichedEvent e : events) {
        s.match(e).stream()
            .map(Match::render)
            .filter(a -> a.rule().equals(correlation))
            .forEach(out::add);
      }
    }
    return out;
  }

  final CompiledRuleSet ruleSet = set(RULES);

  @Test
  void aSequenceFiresWithEveryStepsFieldsAndIds() {
    EnrichedEvent shell = exec(0, "a", "/bin/bash");
    EnrichedEvent curl = exec(30, "a", "/usr/bin/curl", "http://x/payload");
    List<Alert> alerts = run(ruleSet, "Shell then download", shell, curl);
    assertThat(alerts).hasSize(1);
    Alert a = alerts.getFirst();
    assertThat(a.output()).isEqualTo("curl http://x/payload after bash in a");
    assertThat(a.priority().falcoName()).isEqualTo("Warning");
    assertThat(a.tags()).containsExactly("correlation");
    assertThat(a.timeNanos()).isEqualTo(curl.event().header().timeNanos());
    assertThat(a.outputFields())
        .containsEntry("fetch.proc.cmdline", "curl http://x/payload")
        .containsEntry("shell.proc.name", "bash")
        .containsEntry("container.id", "a")
        .containsEntry("correlation.shell.id", EventIds.event(shell))
        .containsEntry("correlation.fetch.id", EventIds.event(curl));
    assertThat(EventIds.event(shell)).isNotEqualTo(EventIds.event(curl));
  }

  @Test
  void aSequenceIsSilentTooLateInAnotherContainerOrInTheWrongOrder() {
    assertThat(
            run(
                ruleSet,
                "Shell then download",
                exec(0, "a", "/bin/bash"),
                exec(61, "a", "/usr/bin/curl")))
        .as("too late")
        .isEmpty();
    assertThat(
            run(
                ruleSet,
                "Shell then download",
                exec(0, "a", "/bin/bash"),
                exec(1, "b", "/usr/bin/curl")))
        .as("another container")
        .isEmpty();
    assertThat(
            run(
                ruleSet,
                "Shell then download",
                exec(0, "a", "/usr/bin/curl"),
                exec(1, "a", "/bin/bash")))
        .as("wrong order")
        .isEmpty();
  }

  @Test
  void aLaterFirstStepRestartsTheWindow() {
    assertThat(
            run(
                ruleSet,
                "Shell then download",
                exec(0, "a", "/bin/bash"),
                exec(50, "a", "/bin/sh"),
                exec(100, "a", "/usr/bin/wget")))
        .hasSize(1);
  }

  final CompiledRuleSet chain =
      set(
          RULES.substring(0, RULES.indexOf("- correlation"))
              + """
              - correlation: Shell, curl, then nc
                steps:
                  - name: shell
                    rule: Shell
                  - name: fetch
                    condition: evt.type = execve and proc.name = curl
                  - name: connect
                    condition: evt.type = execve and proc.name = nc
                by: [container.id]
                within: 60s
                output: "%connect.proc.cmdline after %fetch.proc.cmdline after %shell.proc.name"
                priority: WARNING
              """);

  @Test
  void aThreeStepSequenceFiresInOrderWithinTheWindowOfItsFirstStep() {
    List<Alert> alerts =
        run(
            chain,
            "Shell, curl, then nc",
            exec(0, "a", "/bin/bash"),
            exec(10, "a", "/usr/bin/curl", "one"),
            exec(20, "a", "/usr/bin/curl", "two"),
            exec(30, "a", "/usr/bin/nc", "x"));
    assertThat(alerts)
        .singleElement()
        .extracting(Alert::output)
        .as("the first match of a middle step is the one kept")
        .isEqualTo("nc x after curl one after bash");
    assertThat(
            run(
                chain,
                "Shell, curl, then nc",
                exec(0, "a", "/bin/bash"),
                exec(10, "a", "/usr/bin/nc"),
                exec(20, "a", "/usr/bin/curl")))
        .as("wrong order")
        .isEmpty();
    assertThat(
            run(
                chain,
                "Shell, curl, then nc",
                exec(0, "a", "/bin/bash"),
                exec(50, "a", "/usr/bin/curl"),
                exec(61, "a", "/usr/bin/nc")))
        .as("the last step too late after the first")
        .isEmpty();
    assertThat(
            run(
                chain,
                "Shell, curl, then nc",
                exec(0, "a", "/bin/bash"),
                exec(50, "a", "/usr/bin/curl"),
                exec(60, "a", "/usr/bin/nc")))
        .as("exactly the window after the first step still counts")
        .hasSize(1);
  }

  @Test
  void aThresholdFiresOnTheNthMatchWithinTheWindowOnly() {
    assertThat(
            run(
                ruleSet,
                "Many curls",
                exec(0, "a", "/usr/bin/curl"),
                exec(1, "a", "/usr/bin/curl"),
                exec(2, "b", "/usr/bin/curl"),
                exec(3, "a", "/usr/bin/curl")))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.output()).isEqualTo("curl burst in a");
              assertThat((List<?>) a.outputFields().get("correlation.step1.ids")).hasSize(3);
            });
    assertThat(
            run(
                ruleSet,
                "Many curls",
                exec(0, "a", "/usr/bin/curl"),
                exec(1, "a", "/usr/bin/curl"),
                exec(12, "a", "/usr/bin/curl")))
        .as("threshold not reached within 10s")
        .isEmpty();
  }

  @Test
  void keysCanDifferPerStep() {
    assertThat(
            run(
                ruleSet,
                "Write then run",
                write(0, "a", "/tmp/x"),
                exec(10, "a", "/tmp/y"),
                exec(20, "a", "/tmp/x")))
        .singleElement()
        .extracting(Alert::output)
        .isEqualTo("/tmp/x written by cp");
  }

  @Test
  void anAbsenceFiresOnTheFirstEventAfterItsWindowUnlessAnswered() {
    EnrichedEvent bash = exec(0, "a", "/bin/bash");
    assertThat(run(ruleSet, "Unanswered shell", bash, exec(31, "z", "/bin/true")))
        .singleElement()
        .satisfies(a -> assertThat(a.timeNanos()).isEqualTo(bash.event().header().timeNanos()));
    assertThat(
            run(
                ruleSet,
                "Unanswered shell",
                bash,
                exec(20, "a", "/bin/logout"),
                exec(40, "z", "/bin/true")))
        .isEmpty();
    assertThat(run(ruleSet, "Unanswered shell", bash, exec(10, "z", "/bin/true")))
        .as("not yet")
        .isEmpty();
  }

  @Test
  void stateIsBoundedPerCorrelationAndEvictionsAreCounted() {
    CompiledRuleSet capped =
        set(RULES.replace("  within: 60s\n", "  within: 60s\n  max_keys: 100\n"));
    try (MatchingSession s = new MatchingSession(capped)) {
      for (int i = 0; i < 1000; i++) {
        s.match(exec(i * 0.001, "c" + i, "/bin/bash"));
      }
      CompiledCorrelation.Stats stats = s.correlationStats().getFirst();
      assertThat(stats.correlation()).isEqualTo("Shell then download");
      assertThat(stats.keys()).isEqualTo(100);
      assertThat(stats.evicted()).isEqualTo(900);
      s.match(exec(100, "z", "/bin/true"));
      CompiledCorrelation.Stats later = s.correlationStats().getFirst();
      assertThat(later.keys()).as("windows expire in event time").isZero();
      assertThat(later.expired()).isEqualTo(100);
    }
  }

  @Test
  void noCorrelationsMeansNoCorrelator() {
    CompiledRuleSet plain = set(RULES.substring(0, RULES.indexOf("- correlation")));
    assertThat(plain.correlations()).isEmpty();
    try (MatchingSession s = new MatchingSession(plain)) {
      assertThat(s.correlationStats()).isEmpty();
    }
    assertThat(ruleSet.correlations()).hasSize(4);
    assertThat(ruleSet.eventTypes()).contains("execve", "openat");
  }
}
