package dev.tapio.app.arch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.tapio.sensors.archfixture.ImportsTheCompositionRoot;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Fails the build when a module imports one it may not (DESIGN.md, "Modules and who may import
 * whom").
 */
class ModuleBoundariesTest {

  private static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          // the enrich test-jar (real-containerd fixtures) is on this classpath: tests, not a
          // module
          .withImportOption(location -> !location.contains("-tests.jar"))
          .importPackages("dev.tapio");

  @TestFactory
  Stream<DynamicTest> everyModuleKeepsToItsImports() {
    return ModuleBoundaries.rules().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCTION)));
  }

  /** A module left off this classpath would pass its rule unchecked; each must be present. */
  @TestFactory
  Stream<DynamicTest> theProductionClassesOfEveryModuleAreChecked() {
    return Stream.concat(
            ModuleBoundaries.MODULES.stream().map(m -> m.rootPackage()), Stream.of("dev.tapio.app"))
        .map(
            root ->
                DynamicTest.dynamicTest(
                    root,
                    () ->
                        assertThat(PRODUCTION.stream().map(c -> c.getPackageName()))
                            .as(
                                "classes of %s on engine/app's test classpath (add its module as"
                                    + " a test dependency of engine/app)",
                                root)
                            .anyMatch(p -> p.equals(root) || p.startsWith(root + "."))));
  }

  @Test
  void aModuleWithoutClassesFailsItsRule() {
    JavaClasses none = new ClassFileImporter().importClasses(ImportsTheCompositionRoot.class);
    ArchRule grammarRule =
        ModuleBoundaries.rules().stream()
            .filter(r -> r.getDescription().startsWith("module grammar"))
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> grammarRule.check(none))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  @Test
  void aForbiddenImportFailsWithTheRuleItBreaks() {
    JavaClasses offender = new ClassFileImporter().importClasses(ImportsTheCompositionRoot.class);
    ArchRule sensorsRule =
        ModuleBoundaries.rules().stream()
            .filter(r -> r.getDescription().startsWith("module sensors"))
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(() -> sensorsRule.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Rule 'module sensors may import only api' was violated")
        .hasMessageContaining(ImportsTheCompositionRoot.class.getName())
        .hasMessageContaining("dev.tapio.app.Main");
  }
}
