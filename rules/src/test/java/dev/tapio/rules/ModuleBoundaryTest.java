package dev.tapio.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
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

  @Test
  void publicApiDoesNotReachIntoOtherModulesInternals() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tapio.grammar.internal..")
        .check(RULES);
  }
}
