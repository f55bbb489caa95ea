package dev.tapio.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tapio.api.alert.Priority;
import dev.tapio.api.context.EnrichedEvent;
import dev.tapio.rules.diagnostics.DiagnosticCode;
import dev.tapio.rules.diagnostics.FileResult;
import dev.tapio.rules.internal.drools.DrlEmitter;
import dev.tapio.rules.internal.drools.RulePlan;
import dev.tapio.rules.internal.drools.RuleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Append, override, enabled, exceptions, outputs, and the Drools rule base. */
class LoadingTest {

  static final String BASE =
      """
      - list: shell_binaries
        items: [bash, sh]
      - macro: spawned_process
        condition: evt.type = execve
      - rule: Shell spawned
        desc: a shell
        condition: spawned_process and proc.name in (shell_binaries)
        output: "Shell %proc.name (parent=%proc.pname gp=%proc.aname[2] cmd=%5proc.cmdline) %fd.name"
        priority: WARNING
        tags: [shell]
      - rule: Etc opened
        desc: etc
        condition: evt.type = openat and fd.name startswith /etc/
        output: "%fd.name opened by %proc.name"
        priority: ERROR
      """;

  static LoadReport load(String... texts) {
    List<RuleLoader.Source> sources = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      sources.add(new RuleLoader.Source("f" + i + ".yaml", texts[i]));
    }
    return RuleLoader.create().loadSources(sources);
  }

  static CompiledRule rule(LoadReport r, String name) {
    return r.rules().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
  }

  static final EnrichedEvent ZSH =
      Events.of(Events.exec("/bin/zsh", "zsh"), "zsh", "sshd", "systemd");
  static final EnrichedEvent BASH =
      Events.of(Events.exec("/bin/bash", "bash", "-i"), "bash", "sshd", "systemd");

  @Test
  void overrideAppendsListItemsAndLaterFilesSeeEarlierOnes() {
    LoadReport r =
        load(BASE, "- list: shell_binaries\n  items: [zsh]\n  override:\n    items: append\n");
    assertThat(r.successful()).isTrue();
    assertThat(rule(r, "Shell spawned").code().predicate().test(ZSH)).isTrue();
    assertThat(r.files().get(1).status()).isEqualTo(FileResult.Status.OK);
  }

  @Test
  void deprecatedAppendWarnsAndJoinsMacroConditionWithASpace() {
    LoadReport r =
        load(BASE, "- macro: spawned_process\n  condition: or evt.type = openat\n  append: true\n");
    assertThat(r.files().get(1).status()).isEqualTo(FileResult.Status.OK_WITH_WARNINGS);
    assertThat(r.files().get(1).warnings().getFirst().code())
        .isEqualTo(DiagnosticCode.LOAD_DEPRECATED_ITEM);
    assertThat(rule(r, "Shell spawned").eventTypes()).containsExactly("execve", "openat");
  }

  @Test
  void overrideReplacesPriorityAndAppendsCondition() {
    LoadReport r =
        load(
            BASE,
            """
            - rule: Shell spawned
              condition: and not proc.pname = sshd
              priority: DEBUG
              override:
                condition: append
                priority: replace
            """);
    assertThat(r.successful()).as(r.text(true)).isTrue();
    CompiledRule shell = rule(r, "Shell spawned");
    assertThat(shell.priority()).isEqualTo(Priority.DEBUG);
    assertThat(shell.code().predicate().test(BASH)).isFalse();
    assertThat(shell.index()).isZero();
  }

  @Test
  void enabledOverrideAndRedefinitionKeepThePlace() {
    LoadReport r =
        load(
            BASE,
            "- rule: Shell spawned\n  enabled: false\n  override:\n    enabled: replace\n"
                + "- rule: Etc opened\n  desc: again\n  condition: evt.type = openat\n"
                + "  output: o\n  priority: INFO\n");
    assertThat(rule(r, "Shell spawned").enabled()).isFalse();
    assertThat(rule(r, "Etc opened").index()).isEqualTo(1);
    assertThat(rule(r, "Etc opened").description()).isEqualTo("again");
  }

  @Test
  void exceptionsAreBuiltAsTextInBothForms() {
    LoadReport r =
        load(
            BASE,
            """
            - rule: Etc opened
              exceptions:
              - name: readers
                fields: [proc.name, fd.name]
                comps: [=, startswith]
                values: [[cat, /etc/sh], [less, /etc]]
              - name: tools
                fields: proc.name
                values: [vim, "my tool"]
              override:
                exceptions: append
            """);
    assertThat(r.successful()).as(r.text(true)).isTrue();
    CompiledRule etc = rule(r, "Etc opened");
    assertThat(etc.condition())
        .isEqualTo(
            "(evt.type = openat and fd.name startswith /etc/) and not (( proc.name = cat and"
                + "  fd.name startswith /etc/sh) or ( proc.name = less and  fd.name startswith"
                + " /etc)) and not (proc.name in (vim, \"my tool\"))");
    EnrichedEvent cat = Events.of(Events.open("/etc/shadow", 0), "cat");
    EnrichedEvent vim = Events.of(Events.open("/etc/hosts", 0), "vim");
    EnrichedEvent sed = Events.of(Events.open("/etc/hosts", 0), "sed");
    assertThat(etc.code().predicate().test(cat)).isFalse();
    assertThat(etc.code().predicate().test(vim)).isFalse();
    assertThat(etc.code().predicate().test(sed)).isTrue();
  }

  @Test
  void outputsRenderFieldsWidthsAndMissingValues() {
    LoadReport r = load(BASE);
    OutputFormat out = rule(r, "Shell spawned").output();
    assertThat(out.render(BASH)).isEqualTo("Shell bash (parent=sshd gp=systemd cmd=bash ) <NA>");
    assertThat(out.fields(BASH))
        .containsEntry("proc.aname[2]", "systemd")
        .containsEntry("fd.name", null)
        .containsKeys("proc.name", "proc.pname", "proc.cmdline");
  }

  @Test
  void warningsForUnusedItemsAndDeprecatedFields() {
    LoadReport r =
        load(
            "- list: never\n  items: [x]\n- rule: r\n  desc: d\n  output: o\n  priority: INFO\n"
                + "  condition: evt.type = openat and evt.dir = <\n");
    FileResult f = r.files().getFirst();
    assertThat(f.status()).isEqualTo(FileResult.Status.OK_WITH_WARNINGS);
    assertThat(f.warnings())
        .extracting(d -> d.code() + ": " + d.message())
        .containsExactlyInAnyOrder(
            "LOAD_DEPRECATED_ITEM: field 'evt.dir' is deprecated and will be removed in a future release",
            "LOAD_UNUSED_LIST: List not referred to by any other rule/macro");
    assertThat(r.text(false)).isEqualTo("f0.yaml: Ok, with warnings\n");
    assertThat(r.json()).contains("\"successful\" : true").contains("LOAD_UNUSED_LIST");
  }

  @Test
  void theCollectionCompilesOnceSoAMacroUsedByALaterFileIsNotUnused() {
    LoadReport r =
        load(
            "- macro: m\n  condition: evt.type = openat\n",
            "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: m\n");
    assertThat(r.successful()).as(r.text(true)).isTrue();
    assertThat(r.files()).extracting(FileResult::status).containsOnly(FileResult.Status.OK);
    assertThat(rule(r, "r").eventTypes()).containsExactly("openat");
  }

  @Test
  void aCompileErrorBelongsToTheLatestFileThatChangedTheItem() {
    LoadReport r =
        load(
            BASE,
            "- rule: Etc opened\n  condition: and proc.nope = x\n  override:\n"
                + "    condition: append\n");
    assertThat(r.files().get(0).status()).isEqualTo(FileResult.Status.OK);
    assertThat(r.files().get(1).errors())
        .extracting(d -> d.code())
        .containsExactly(DiagnosticCode.LOAD_ERR_COMPILE_CONDITION);
  }

  @Test
  void severalYamlDocumentsInOneFile() {
    LoadReport r =
        load(
            "- macro: m\n  condition: evt.type = openat\n---\n"
                + "- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: m\n---\n");
    assertThat(r.successful()).as(r.text(true)).isTrue();
    assertThat(rule(r, "r").eventTypes()).containsExactly("openat");
  }

  @Test
  void ruleWithoutEventTypeWarns() {
    LoadReport r =
        load("- rule: r\n  desc: d\n  output: o\n  priority: INFO\n  condition: proc.name = x\n");
    assertThat(r.files().getFirst().warnings())
        .extracting(d -> d.code())
        .containsExactly(DiagnosticCode.LOAD_NO_EVTTYPE);
    assertThat(rule(r, "r").anyEventType()).isTrue();
  }

  @Test
  void droolsSessionFiresFirstMatchingRuleOnly(@TempDir Path dir) throws Exception {
    // one plan, two renderings: the rule base and the DRL hold exactly the planned rules
    CompiledRuleSet base = CompiledRuleSet.build(load(BASE).rules(), RuleMatching.ALL);
    List<String> planned =
        RulePlan.of(base.rules().stream().map(CompiledRule::code).toList()).rules().stream()
            .map(RulePlan.Planned::name)
            .toList();
    assertThat(planned).isNotEmpty();
    assertThat(base.kieBase().getKiePackage(DrlEmitter.PACKAGE).getRules())
        .extracting(org.kie.api.definition.rule.Rule::getName)
        .containsExactlyInAnyOrderElementsOf(planned);
    assertThat(
            java.util.regex.Pattern.compile("rule \"([^\"]+)\"")
                .matcher(base.drl())
                .results()
                .map(m -> m.group(1))
                .toList())
        .containsExactlyElementsOf(planned);
    String both =
        BASE
            + "- rule: Any exec\n  desc: d\n  output: o\n  priority: INFO\n"
            + "  condition: evt.type in (execve, execveat)\n";
    for (RuleMatching mode : RuleMatching.values()) {
      LoadReport r =
          RuleLoader.create(mode).loadSources(List.of(new RuleLoader.Source("f.yaml", both)));
      // the default build (executable-model API) for both modes; the emitted DRL, compiled by
      // Drools, must behave the same
      CompiledRuleSet set =
          mode == RuleMatching.FIRST
              ? CompiledRuleSet.buildFromDrl(r.rules(), mode)
              : r.buildRuleSet();
      List<String> fired = new ArrayList<>();
      try (RuleSession session = set.session((rule, event) -> fired.add(rule.name()))) {
        for (EnrichedEvent e : List.of(BASH, ZSH, BASH)) {
          session.process(e);
        }
      }
      if (mode == RuleMatching.FIRST) {
        assertThat(fired).containsExactly("Shell spawned", "Any exec", "Shell spawned");
      } else {
        assertThat(fired)
            .containsExactly("Shell spawned", "Any exec", "Any exec", "Shell spawned", "Any exec");
      }
      assertThat(set.eventTypes()).containsExactlyInAnyOrder("execve", "execveat", "openat");
      Path drl = set.writeDrl(dir.resolve(mode.name()));
      assertThat(Files.readString(drl)).contains("type == \"execveat\"");
    }
  }
}
