package dev.tapio.sensors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sensors see the engine only through its API (DESIGN: module dependencies). */
class DependencyRulesTest {
  private static final JavaClasses SENSORS =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tapio.sensors");

  @Test
  void sensorsDependOnlyOnTheApiTheJdkAndNullnessAnnotations() {
    classes()
        .that()
        .resideInAPackage("dev.tapio.sensors..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.tapio.sensors..", "dev.tapio.api..", "java..", "org.jspecify..")
        .check(SENSORS);
  }

  @Test
  void internalsStayInternal() {
    classes()
        .that()
        .resideInAPackage("dev.tapio.sensors.internal..")
        .should()
        .onlyBeAccessed()
        .byAnyPackage("dev.tapio.sensors..")
        .check(SENSORS);
  }
}
