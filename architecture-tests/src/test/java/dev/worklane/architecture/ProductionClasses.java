package dev.worklane.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The production classes of every module, read from {@code <module>/target/classes}.
 *
 * <p>Not from the classpath: bootstrap's jar is repackaged by Spring Boot (classes under {@code
 * BOOT-INF/}), so ArchUnit would silently see nothing of it. A module that has sources but no
 * compiled classes fails the import, so a build that forgot {@code -am} cannot pass by reading
 * nothing; so does a module with classes but no sources (stale output). Only a module without any
 * source yet (adapters and bootstrap are written later) is left out, and {@link
 * #modulesWithoutCode()} names it.
 */
record ProductionClasses(
    JavaClasses all,
    Map<WorklaneModule, JavaClasses> byModule,
    Set<WorklaneModule> modulesWithoutCode) {

  static final String BASEDIR_PROPERTY = "worklane.architecture.basedir";

  static ProductionClasses load() {
    Path root = projectRoot();
    Map<WorklaneModule, JavaClasses> byModule = new EnumMap<>(WorklaneModule.class);
    Set<WorklaneModule> withoutCode = EnumSet.noneOf(WorklaneModule.class);
    List<Path> classDirectories = new ArrayList<>();
    for (WorklaneModule module : WorklaneModule.values()) {
      Path moduleDir = root.resolve(module.directory());
      if (!Files.isRegularFile(moduleDir.resolve("pom.xml"))) {
        throw new IllegalStateException(
            "Module directory " + moduleDir + " has no pom.xml: update WorklaneModule.");
      }
      Path classes = moduleDir.resolve("target/classes");
      boolean hasSources = containsFile(moduleDir.resolve("src/main/java"), ".java");
      boolean hasClasses = containsFile(classes, ".class");
      if (hasSources && !hasClasses) {
        throw new IllegalStateException(
            "Module "
                + module.directory()
                + " has sources but no compiled classes in "
                + classes
                + ". Build the modules first: ./mvnw -B -pl architecture-tests -am verify");
      }
      if (hasClasses && !hasSources) {
        throw new IllegalStateException(
            "Module "
                + module.directory()
                + " has compiled classes in "
                + classes
                + " but no sources: stale build output. Run ./mvnw -B -pl architecture-tests -am"
                + " clean verify");
      }
      if (!hasClasses) {
        if (module.mustHaveCode()) {
          throw new IllegalStateException(
              "Module " + module.directory() + " must contain code, but " + classes + " is empty.");
        }
        withoutCode.add(module);
        continue;
      }
      classDirectories.add(classes);
      byModule.put(module, importFrom(List.of(classes)));
    }
    return new ProductionClasses(
        importFrom(classDirectories),
        Collections.unmodifiableMap(byModule),
        Collections.unmodifiableSet(withoutCode));
  }

  private static JavaClasses importFrom(List<Path> directories) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPaths(directories);
  }

  private static Path projectRoot() {
    String configured = System.getProperty(BASEDIR_PROPERTY);
    // Surefire sets the property; an IDE runs tests from the module directory.
    Path basedir = Path.of(configured != null ? configured : System.getProperty("user.dir"));
    Path root = basedir.toAbsolutePath().normalize().getParent();
    if (root == null || !Files.isDirectory(root.resolve("architecture-tests"))) {
      throw new IllegalStateException(
          "Cannot find the Worklane project root from "
              + basedir
              + "; set -D"
              + BASEDIR_PROPERTY
              + "=<path to architecture-tests>.");
    }
    return root;
  }

  private static boolean containsFile(Path directory, String suffix) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.anyMatch(f -> Files.isRegularFile(f) && f.toString().endsWith(suffix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
