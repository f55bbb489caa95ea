package dev.tapio.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tapio.app.reload.RuleBuild;
import dev.tapio.app.reload.RuleFixtures;
import dev.tapio.app.reload.RuleShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandsTest {
  @TempDir Path dir;

  private static final String GOOD =
      """
      - macro: opened
        condition: evt.type in (open, openat)
      - rule: Shadow read
        desc: shadow read
        condition: opened and fd.name = /etc/shadow
        output: shadow read by %proc.name
        priority: WARNING
      """;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void validateReportsEachFileAndExitsOneWhenAnyIsInvalid() throws Exception {
    Path good = write("good.yaml", GOOD);
    Path bad =
        write(
            "bad.yaml",
            """
            - rule: Broken
              desc: x
              condition: fd.nme = /etc/shadow
              output: x
              priority: WARNING
            """);

    CliRunner ok = CliRunner.run("rules", "validate", good.toString());
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).isEqualTo(good + ": Ok\n");

    CliRunner invalid = CliRunner.run("rules", "validate", good.toString(), bad.toString());
    assertThat(invalid.status()).isEqualTo(1);
    assertThat(invalid.out()).startsWith(good + ": Ok\n" + bad + ": Invalid\n").contains("fd.nme");

    CliRunner json = CliRunner.run("rules", "validate", "--json", bad.toString());
    assertThat(json.status()).isEqualTo(1);
    JsonNode result = new ObjectMapper().readTree(json.out()).at("/falco_load_results/0");
    assertThat(result.get("successful").asBoolean()).isFalse();
    assertThat(result.at("/errors/0/code").asText()).isEqualTo("LOAD_ERR_COMPILE_CONDITION");
  }

  @Test
  void validateWithoutFilesChecksTheBundledRules() {
    CliRunner r = CliRunner.run("rules", "validate");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .isEqualTo(
            dev.tapio.rules.BundledRules.FILES.stream()
                .map(f -> "bundled:" + f + ": Ok\n")
                .collect(java.util.stream.Collectors.joining()));
  }

  @Test
  void compileEmitsTheGeneratedRules() throws Exception {
    Path good = write("good.yaml", GOOD);
    CliRunner r =
        CliRunner.run(
            "rules",
            "compile",
            good.toString(),
            "--emit",
            dir.resolve("out").toString(),
            "--show-filter");
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("compiled 1 rules (1 enabled) for 2 event types; generated rules in ")
        .contains("kernel filter in ")
        .endsWith(
            """
            creat: none
            open:
              - "= /etc/shadow"
            openat:
              - "= /etc/shadow"
            openat2: none
            """);
    assertThat(Files.readString(dir.resolve("out/rules.drl"))).contains("Shadow read");
    assertThat(Files.readString(dir.resolve("out/kernel-filter.yaml")))
        .isEqualTo(
            """
            creat: none
            open:
              - "= /etc/shadow"
            openat:
              - "= /etc/shadow"
            openat2: none
            """);
  }

  @Test
  void compileWarmsTheRuleCacheOfARunWithTheSameFiles() throws Exception {
    Path good = write("good.yaml", GOOD);
    Path cache = dir.resolve("cache");
    CliRunner r =
        CliRunner.run(
            "rules",
            "compile",
            good.toString(),
            "--emit",
            dir.resolve("out").toString(),
            "--cache",
            cache.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).endsWith("rule cache: " + cache + "\n");

    RuleBuild run =
        RuleBuild.start(RuleFixtures.options(List.of(good), "rules.cache.directory=" + cache));
    assertThat(run.cacheHit()).isTrue();
    assertThat(run.shape()).isEqualTo(RuleShape.of(run.live().current()));
  }

  @Test
  void compileWithoutFilesCompilesTheBundledRulesAsARunWithoutFilesLoadsThem() throws Exception {
    Path cache = dir.resolve("cache");
    CliRunner r =
        CliRunner.run(
            "rules",
            "compile",
            "--emit",
            dir.resolve("out").toString(),
            "--cache",
            cache.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("compiled ").endsWith("rule cache: " + cache + "\n");
    assertThat(Files.readString(dir.resolve("out/rules.drl")))
        .contains("Credential file read"); // tapio_rules.yaml's first rule

    RuleBuild run =
        RuleBuild.start(RuleFixtures.options(List.of(), "rules.cache.directory=" + cache));
    assertThat(run.cacheHit()).isTrue();
    assertThat(run.shape()).isEqualTo(RuleShape.of(run.live().current()));
  }

  @Test
  void testRunsCasesPrintsAReportAndWritesJUnitXml() throws Exception {
    Path rules = write("good.yaml", GOOD);
    write(
        "cases.yaml",
        """
        rules: [good.yaml]
        cases:
          - name: cat reads shadow
            events: [{type: openat, path: /etc/shadow, process: {exe: /usr/bin/cat}}]
            expect: [{rule: Shadow read, fields: {proc.name: cat}}]
          - name: wrong expectation
            events: [{type: openat, path: /etc/passwd}]
            expect: [{rule: Shadow read}]
        """);
    Path xml = dir.resolve("reports/junit.xml");

    CliRunner r = CliRunner.run("rules", "test", dir.toString(), "--junit-xml", xml.toString());

    assertThat(rules).exists();
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .contains("PASS " + dir.resolve("cases.yaml") + "#0 cat reads shadow")
        .contains("FAIL " + dir.resolve("cases.yaml") + "#1 wrong expectation")
        .contains("expected rule 'Shadow read' to fire, but it did not:")
        .contains("fd.name = '/etc/passwd'")
        .endsWith("1 passed, 1 failed\n");
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void testExitsZeroWhenEveryCasePasses() throws Exception {
    write("good.yaml", GOOD);
    write(
        "cases.yaml",
        """
        rules: [good.yaml]
        cases:
          - name: cat reads shadow
            events: [{type: openat, path: /etc/shadow, process: {exe: /usr/bin/cat}}]
            expect: [{rule: Shadow read, fields: {proc.name: cat}}]
          - name: passwd is not shadow
            events: [{type: openat, path: /etc/passwd}]
            expect: []
        """);

    CliRunner r = CliRunner.run("rules", "test", dir.resolve("cases.yaml").toString());

    assertThat(r.status()).isEqualTo(0);
    assertThat(r.out())
        .contains("PASS " + dir.resolve("cases.yaml") + "#0 cat reads shadow")
        .contains("PASS " + dir.resolve("cases.yaml") + "#1 passwd is not shadow")
        .endsWith("2 passed, 0 failed\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aBrokenCaseFileIsExitStatusTwo() throws Exception {
    write("cases.yaml", "cases: [{name: x, events: [{type: openat}], expect: []}]");
    CliRunner r = CliRunner.run("rules", "test", dir.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("cases[0].events[0].path: an open needs a path");
  }

  @Test
  void theThreeFalcoRuleFilesValidateTogether() {
    Path corpus = Path.of("../../../shared/falco-rules").toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(corpus),
        "SKIPPED LOUDLY: Falco rule corpus not found at "
            + corpus
            + " (it sits beside the clone in CI)");
    CliRunner r =
        CliRunner.run(
            "rules",
            "validate",
            "--no-warnings",
            corpus.resolve("falco_rules.yaml").toString(),
            corpus.resolve("falco-incubating_rules.yaml").toString(),
            corpus.resolve("falco-sandbox_rules.yaml").toString());
    assertThat(r.out()).doesNotContain("Invalid");
    assertThat(r.status()).isZero();
  }

  @Test
  void validatingFalcosRuleFilesNamesTheFieldsTapioNeverExtracts() {
    Path corpus = Path.of("../../../shared/falco-rules").toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(corpus),
        "SKIPPED LOUDLY: Falco rule corpus not found at "
            + corpus
            + " (it sits beside the clone in CI)");
    CliRunner r =
        CliRunner.run(
            "rules",
            "validate",
            corpus.resolve("falco_rules.yaml").toString(),
            corpus.resolve("falco-incubating_rules.yaml").toString(),
            corpus.resolve("falco-sandbox_rules.yaml").toString());
    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(
            "LOAD_COMPILE_CONDITION (Warnings in filter condition): Field 'fd.sip.name' is not"
                + " extracted on Tapio's live events: every comparison on it is false")
        .doesNotContain("Field 'proc.env' is not extracted")
        .doesNotContain("Field 'proc.name' is not extracted")
        .doesNotContain("Field 'proc.is_exe_from_memfd' is not extracted");
  }
}
