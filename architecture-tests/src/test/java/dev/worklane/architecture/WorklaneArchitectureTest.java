package dev.worklane.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import dev.worklane.architecture.WorklaneArchitectureRules.NamedRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §8 over the production classes of every module. */
class WorklaneArchitectureTest {

  private static ProductionClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production = ProductionClasses.load();
    if (!production.modulesWithoutCode().isEmpty()) {
      // Visible in the build log: these modules are not checked until they contain code.
      System.out.println(
          "Architecture rules: modules without code yet: " + production.modulesWithoutCode());
    }
  }

  static Stream<NamedRule> rules() {
    return WorklaneArchitectureRules.forWorklane().all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void productionCodeFollows(NamedRule rule) {
    rule.rule().check(production.all());
  }

  /** A misspelled or empty package would let the rules about it pass vacuously. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "dev.worklane.domain",
        "dev.worklane.application.port.in",
        "dev.worklane.application.port.out",
        "dev.worklane.application.service"
      })
  void corePackagesNamedByTheRulesContainClasses(String packageName) {
    assertThat(classesUnder(production.all(), packageName))
        .as("classes in %s", packageName)
        .isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(WorklaneModule.class)
  void everyClassOfAModuleLivesUnderItsPackage(WorklaneModule module) {
    JavaClasses classes = production.byModule().get(module);
    if (classes == null) {
      assertThat(module.mustHaveCode()).as("%s has code", module.directory()).isFalse();
      assertThat(production.modulesWithoutCode()).contains(module);
      return;
    }
    List<String> strays =
        classes.stream()
            .filter(c -> module.rootPackages().stream().noneMatch(root -> inPackage(c, root)))
            .map(JavaClass::getName)
            .toList();
    assertThat(strays)
        .as(
            "classes of %s outside %s escape the rules written for that package. Move them"
                + " there (or, for a deliberate new package, update WorklaneModule).",
            module.directory(), module.rootPackages())
        .isEmpty();
    assertThat(classes).as("classes imported from %s", module.directory()).isNotEmpty();
  }

  @Test
  void theCoreModulesAreAlwaysImported() {
    for (WorklaneModule module : WorklaneModule.values()) {
      if (module.mustHaveCode()) {
        assertThat(production.byModule()).containsKey(module);
      }
    }
    assertThat(production.all().size())
        .isEqualTo(production.byModule().values().stream().mapToInt(JavaClasses::size).sum());
  }

  private static List<JavaClass> classesUnder(JavaClasses classes, String packageName) {
    return classes.stream().filter(c -> inPackage(c, packageName)).toList();
  }

  private static boolean inPackage(JavaClass javaClass, String packageName) {
    String name = javaClass.getPackageName();
    return name.equals(packageName) || name.startsWith(packageName + ".");
  }
}
