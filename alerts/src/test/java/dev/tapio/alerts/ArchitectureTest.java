package dev.tapio.alerts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.tapio.alerts.internal.DeliveryQueue;
import org.junit.jupiter.api.Test;

/** The alerts module sees only the engine API (and its libraries), never rules or sensors. */
class ArchitectureTest {
  private static final JavaClasses ALERTS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackagesOf(AlertPipeline.class, DeliveryQueue.class);

  @Test
  void dependsOnlyOnTheEngineApiAndItsLibraries() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.tapio.alerts..",
            "dev.tapio.api..",
            "java..",
            "javax.net..",
            "org.jspecify..",
            "io.opentelemetry..",
            "com.fasterxml.jackson..")
        .check(ALERTS);
  }

  @Test
  void neverSeesRulesSensorsEnrichmentOrTheApp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tapio.rules..", "dev.tapio.sensors..", "dev.tapio.enrich..", "dev.tapio.app..")
        .check(ALERTS);
  }
}
