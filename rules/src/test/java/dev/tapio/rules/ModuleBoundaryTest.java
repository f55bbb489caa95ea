package dev.tapio.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The rules module imports only the grammar and the engine API among Tapio's modules. */
class ModuleBoundaryTest {

  static final JavaClasses RULES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tapio.rules");

  @Test
  void dependsOnlyOnGrammarApiAndLibraries() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.tapio.rules..",
            "dev.tapio.grammar..",
            "dev.tapio.api..",
            "java..",
            "org.jspecify..",
            "com.fasterxml.jackson..",
            "org.yaml.snakeyaml..",
            "org.drools..",
            "org.kie..")
        .check(RULES);
  }

  /**
   * The public surface is what the engine uses (loading, the compiled set, matching, rendering,
   * explaining) and the diagnostics a load reports; everything else is under {@code internal}.
   */
  @Test
  void publicTypesOutsideInternalAreTheApi() {
    assertThat(
            RULES.stream()
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> c.isTopLevelClass())
                .filter(c -> !c.getPackageName().contains(".internal"))
                .map(JavaClass::getName)
                .sorted()
                .toList())
        .containsExactly(
            "dev.tapio.rules.BundledRules",
            "dev.tapio.rules.CompiledCorrelation",
            "dev.tapio.rules.CompiledRule",
            "dev.tapio.rules.CompiledRuleSet",
            "dev.tapio.rules.ConditionTrace",
            "dev.tapio.rules.LoadReport",
            "dev.tapio.rules.Match",
            "dev.tapio.rules.MatchingSession",
            "dev.tapio.rules.OutputFormat",
            "dev.tapio.rules.RuleFields",
            "dev.tapio.rules.RuleLoader",
            "dev.tapio.rules.RuleMatching",
            "dev.tapio.rules.diagnostics.Diagnostic",
            "dev.tapio.rules.diagnostics.DiagnosticCode",
            "dev.tapio.rules.diagnostics.FileResult",
            "dev.tapio.rules.diagnostics.LoadReports",
            "dev.tapio.rules.diagnostics.Location",
            "dev.tapio.rules.diagnostics.Messages",
            "dev.tapio.rules.diagnostics.SourcePosition",
            "dev.tapio.rules.diagnostics.SourceText");
  }

  @Test
  void publicApiDoesNotReachIntoOtherModulesInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tapio.grammar.internal..")
        .check(RULES);
  }
}
