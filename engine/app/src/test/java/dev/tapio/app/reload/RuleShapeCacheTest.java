package dev.tapio.app.reload;

import static dev.tapio.app.reload.RuleFixtures.options;
import static dev.tapio.app.reload.RuleFixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tapio.api.filter.KernelFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule cache: what the sensors need of Falco's three files is the same whether read from the
 * compiled files, from the built rule base or from the cache; a damaged, stale or unwritable cache
 * costs a compile, never a start; any change to the rule files is another key.
 */
class RuleShapeCacheTest {
  private static final Path FALCO = Path.of("../../../shared/falco-rules").toAbsolutePath();
  private static final List<Path> FALCO_FILES =
      List.of(
          FALCO.resolve("falco_rules.yaml"),
          FALCO.resolve("falco-incubating_rules.yaml"),
          FALCO.resolve("falco-sandbox_rules.yaml"));

  @TempDir Path dir;

  @Test
  void theShapeOfTheCompiledFilesIsTheBuiltRuleBasesAndSurvivesItsTextForm() throws Exception {
    Path shadow = Files.writeString(dir.resolve("shadow.yaml"), rule("Shadow read", "/srv/x"));
    RuleInputs inputs =
        RuleInputs.of(options(FALCO_FILES, "rules.shadow.files=" + shadow, "rules.watch=false"));
    RuleReports reports = inputs.read();
    RuleShape shape = reports.shape();

    assertThat(shape).isEqualTo(RuleShape.of(reports.build()));
    assertThat(shape.eventTypes()).contains("openat", "execve", "connect");
    assertThat(shape.kernelFilter().types()).containsKey("openat");
    assertThat(shape.kernelFilter()).isNotEqualTo(KernelFilter.NONE);
    assertThat(RuleShape.parse(shape.text())).isEqualTo(shape);
  }

  @Test
  void aStoredShapeIsUsedAndADamagedOneIsCompiledAgainWithAWarning() throws Exception {
    RuleInputs inputs = RuleInputs.of(options(FALCO_FILES, "rules.watch=false"));
    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));

    RuleBuild cold = RuleBuild.start(inputs, cache);
    assertThat(cold.cacheHit()).isFalse();
    RuleShape compiled = cold.shape();
    assertThat(cold.verify(compiled)).isEqualTo(compiled);
    Path entry = dir.resolve("cache").resolve(RuleShapeCache.key(inputs) + RuleShapeCache.SUFFIX);
    assertThat(entry).exists();

    RuleBuild warm = RuleBuild.start(inputs, cache);
    assertThat(warm.cacheHit()).isTrue();
    assertThat(warm.shape()).isEqualTo(compiled);
    assertThat(warm.verify(warm.shape())).isEqualTo(compiled);
    assertThat(warm.live().current().live().rules())
        .hasSameSizeAs(cold.live().current().live().rules());

    String text = Files.readString(entry);
    Files.writeString(entry, text.substring(0, text.length() / 2)); // truncated
    RuleBuild damaged = RuleBuild.start(inputs, cache);
    assertThat(damaged.cacheHit()).isFalse();
    assertThat(damaged.shape()).isEqualTo(compiled);
    damaged.verify(damaged.shape());
    assertThat(RuleShape.parse(Files.readString(entry))).isEqualTo(compiled);

    Files.writeString(entry, "tapio-rule-shape 1\nterm 15 false any -\nend\n"); // edited
    assertThat(cache.find(RuleShapeCache.key(inputs))).isEmpty();
    assertThat(entry).doesNotExist();
  }

  @Test
  void aStaleEntryIsReplacedByTheShapeOfTheRules() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    RuleInputs inputs = RuleInputs.of(options(List.of(file), "rules.watch=false"));
    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));
    RuleShape stale = new RuleShape(Set.of("ptrace"), KernelFilter.NONE);
    cache.store(RuleShapeCache.key(inputs), stale);

    RuleBuild build = RuleBuild.start(inputs, cache);
    assertThat(build.cacheHit()).isTrue();
    assertThat(build.shape()).isEqualTo(stale);
    RuleShape actual = build.verify(stale);

    assertThat(actual).isNotEqualTo(stale);
    assertThat(actual.eventTypes()).contains("openat").doesNotContain("ptrace");
    assertThat(cache.find(RuleShapeCache.key(inputs))).contains(actual);
  }

  @Test
  void aReloadStoresTheShapeOfTheReloadedFiles() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    RuleInputs inputs = RuleInputs.of(options(List.of(file), "rules.watch=false"));
    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));
    RuleBuild build = RuleBuild.start(inputs, cache);
    build.verify(build.shape());
    try (LiveRules live = build.live()) {
      live.startReloading(false, base -> {});
      Files.writeString(
          file, rule("Reads x", "/tmp/x") + rule("Runs", "/tmp/y").replace("openat", "execve"));
      assertThat(cache.find(RuleShapeCache.key(inputs))).isEmpty();

      assertThat(live.reloadNow("test")).isInstanceOf(ReloadResult.Reloaded.class);

      RuleShape reloaded = RuleShape.of(live.current());
      assertThat(reloaded.eventTypes()).contains("openat", "execve");
      assertThat(cache.find(RuleShapeCache.key(inputs))).contains(reloaded);
    }
  }

  @Test
  void anyChangeToTheRuleFilesOrTheSelectionIsAnotherKey() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    String before = RuleShapeCache.key(RuleInputs.of(options(List.of(file))));
    assertThat(RuleShapeCache.key(RuleInputs.of(options(List.of(file))))).isEqualTo(before);
    assertThat(
            RuleShapeCache.key(
                RuleInputs.of(options(List.of(file), "rules.disable.names=Reads x"))))
        .isNotEqualTo(before);
    assertThat(RuleShapeCache.key(RuleInputs.of(options(List.of(file), "rules.bundled=true"))))
        .isNotEqualTo(before);

    Files.writeString(file, rule("Reads x", "/tmp/y"));
    RuleInputs changed = RuleInputs.of(options(List.of(file)));
    assertThat(RuleShapeCache.key(changed)).isNotEqualTo(before);
    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));
    cache.store(before, new RuleShape(Set.of("ptrace"), KernelFilter.NONE));
    RuleBuild build = RuleBuild.start(changed, cache);
    assertThat(build.cacheHit()).isFalse();
    build.live(); // its thread writes the cache: done before the directory goes
  }

  @Test
  void anotherBuildOfTapioIsAnotherKey() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    RuleInputs inputs = RuleInputs.of(options(List.of(file)));
    String build = RuleShapeCache.build();
    assertThat(build).startsWith(dev.tapio.app.BuildInfo.version());
    assertThat(RuleShapeCache.key(inputs)).isEqualTo(RuleShapeCache.key(inputs, build));
    assertThat(RuleShapeCache.key(inputs, "0.0.1\0" + build.substring(build.indexOf('\0') + 1)))
        .as("another version")
        .isNotEqualTo(RuleShapeCache.key(inputs));
    assertThat(RuleShapeCache.key(inputs, build + " rebuilt"))
        .as("the same version, another jar")
        .isNotEqualTo(RuleShapeCache.key(inputs));

    RuleShapeCache cache = RuleShapeCache.in(dir.resolve("cache"));
    cache.store(
        RuleShapeCache.key(inputs, "0.0.1"), new RuleShape(Set.of("ptrace"), KernelFilter.NONE));
    RuleBuild build2 = RuleBuild.start(inputs, cache);
    assertThat(build2.cacheHit()).as("an older build's entry is not read").isFalse();
    assertThat(build2.shape().eventTypes()).contains("openat").doesNotContain("ptrace");
    build2.live(); // its thread writes the cache: done before the directory goes
  }

  @Test
  void aCacheThatCannotBeWrittenIsLoggedAndIgnored() throws Exception {
    Path file = Files.writeString(dir.resolve("rules.yaml"), rule("Reads x", "/tmp/x"));
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    RuleInputs inputs = RuleInputs.of(options(List.of(file), "rules.watch=false"));
    RuleShapeCache cache = RuleShapeCache.in(notADirectory.resolve("cache"));

    RuleBuild build = RuleBuild.start(inputs, cache);
    RuleShape shape = build.shape();
    assertThat(build.verify(shape)).isEqualTo(shape);
    assertThat(build.live().current().live().rules()).hasSize(1);
    assertThat(cache.find(RuleShapeCache.key(inputs))).isEmpty();
  }

  @Test
  void textThatIsNotAShapeIsRejected() {
    assertThatThrownBy(() -> RuleShape.parse("")).hasMessageContaining("header");
    assertThatThrownBy(() -> RuleShape.parse("tapio-rule-shape 1\ntype openat\n"))
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> RuleShape.parse("tapio-rule-shape 1\nfilter openat\nterm 99 x\nend"))
        .hasMessageContaining("expected 5 fields");
  }

  @Test
  void rulesOffTheCacheAreStillBuilt() {
    RuleInputs inputs = RuleInputs.of(options(FALCO_FILES, "rules.cache.enabled=false"));
    RuleBuild build = RuleBuild.start(options(FALCO_FILES, "rules.cache.enabled=false"));
    assertThat(build.cacheHit()).isFalse();
    assertThat(build.shape()).isEqualTo(RuleShape.of(build.live().current()));
    assertThat(
            RuleShapeCache.of(options(FALCO_FILES, "rules.cache.enabled=false").config()).enabled())
        .isFalse();
    assertThat(inputs.ruleFiles()).hasSize(3);
  }
}
