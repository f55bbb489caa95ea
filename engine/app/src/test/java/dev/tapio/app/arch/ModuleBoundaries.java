package dev.tapio.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The module map of DESIGN.md as architecture rules: which module's packages may use which other
 * module's. Anything outside {@code dev.tapio} (the JDK, libraries) is not restricted here; Maven
 * scopes restrict that.
 */
final class ModuleBoundaries {
  private ModuleBoundaries() {}

  /** Module name → (its root package, the modules it may import). */
  record Module(String name, String rootPackage, List<String> mayImport) {}

  static final List<Module> MODULES =
      List.of(
          new Module("grammar", "dev.tapio.grammar", List.of()),
          new Module("api", "dev.tapio.api", List.of()),
          new Module("rules", "dev.tapio.rules", List.of("grammar", "api")),
          new Module("sensors", "dev.tapio.sensors", List.of("api")),
          new Module("engine/enrich", "dev.tapio.enrich", List.of("api")),
          new Module("alerts", "dev.tapio.alerts", List.of("api")),
          new Module("engine/recording", "dev.tapio.recording", List.of("api")),
          new Module(
              "engine/testing",
              "dev.tapio.testing",
              List.of("engine/recording", "rules", "grammar", "api")),
          new Module("engine/junit", "dev.tapio.junit", List.of("engine/testing", "api")));

  private static final Map<String, String> PACKAGE_OF =
      Map.of(
          "grammar", "dev.tapio.grammar",
          "api", "dev.tapio.api",
          "rules", "dev.tapio.rules",
          "sensors", "dev.tapio.sensors",
          "engine/enrich", "dev.tapio.enrich",
          "alerts", "dev.tapio.alerts",
          "engine/recording", "dev.tapio.recording",
          "engine/testing", "dev.tapio.testing",
          "engine/junit", "dev.tapio.junit",
          "engine/app", "dev.tapio.app");

  /** One rule per module, each named after what it allows. */
  static List<ArchRule> rules() {
    List<ArchRule> rules = new ArrayList<>();
    for (Module module : MODULES) {
      String[] allowed =
          Stream.concat(
                  Stream.of(module.rootPackage() + "..", "java..", "javax..", "jdk..", "sun.."),
                  module.mayImport().stream().map(m -> PACKAGE_OF.get(m) + ".."))
              .toArray(String[]::new);
      String description =
          module.mayImport().isEmpty()
              ? "module " + module.name() + " may import no other Tapio module"
              : "module "
                  + module.name()
                  + " may import only "
                  + String.join(", ", module.mayImport());
      rules.add(
          classes()
              .that()
              .resideInAPackage(module.rootPackage() + "..")
              .should()
              .onlyDependOnClassesThat(
                  com.tngtech.archunit.base.DescribedPredicate.describe(
                      "are outside dev.tapio or in an allowed module",
                      c ->
                          !c.getPackageName().startsWith("dev.tapio")
                              || Stream.of(allowed)
                                  .map(p -> p.substring(0, p.length() - 2))
                                  .anyMatch(
                                      p ->
                                          c.getPackageName().equals(p)
                                              || c.getPackageName().startsWith(p + "."))))
              // A module whose classes are missing from the classpath fails instead of passing.
              .allowEmptyShould(false)
              .as(description));
    }
    rules.add(
        classes()
            .that()
            .resideInAPackage("dev.tapio..")
            .and()
            .resideOutsideOfPackage("dev.tapio.app..")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackage("dev.tapio.app..")
            .allowEmptyShould(true)
            .as("no module may import engine/app (the composition root)"));
    rules.add(
        classes()
            .that()
            .resideInAPackage("dev.tapio..")
            .and()
            .resideOutsideOfPackage("dev.tapio.junit..")
            .should()
            .onlyDependOnClassesThat()
            .resideOutsideOfPackages("org.junit..", "org.opentest4j..")
            .allowEmptyShould(true)
            .as("only engine/junit may import JUnit (tapio.jar ships without it)"));
    return rules;
  }
}
