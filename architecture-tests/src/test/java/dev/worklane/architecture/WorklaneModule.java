package dev.worklane.architecture;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Maven modules whose compiled classes the rules read, and the package tree each module's
 * classes must live in (SPEC §1, STYLE "The house"). The module list is fixed, so a module may also
 * hold a second tree: adapters-web keeps the driven adapters on its libraries (BCrypt, Micrometer)
 * in {@code adapter.out.security}, a slice of its own that the adapter rules keep apart from {@code
 * adapter.in.web}. {@link WorklaneArchitectureRules} builds its packages from the same names, so
 * the rules and this map cannot drift apart. Keep it in step with the parent pom's {@code
 * <modules>}.
 */
enum WorklaneModule {
  DOMAIN("domain", "domain", true),
  APPLICATION("application", "application", true),
  ADAPTERS_WEB("adapters-web", "adapter.in.web", true, "adapter.out.security"),
  ADAPTERS_PERSISTENCE("adapters-persistence", "adapter.out.persistence", true),
  ADAPTERS_REDIS("adapters-redis", "adapter.out.redis", false),
  ADAPTERS_STORAGE("adapters-storage", "adapter.out.storage", false),
  BOOTSTRAP("bootstrap", "bootstrap", true);

  static final String BASE_PACKAGE = "dev.worklane";

  private final String directory;
  private final String packageSuffix;
  private final boolean mustHaveCode;
  private final List<String> otherPackageSuffixes;

  WorklaneModule(
      String directory, String packageSuffix, boolean mustHaveCode, String... otherSuffixes) {
    this.directory = directory;
    this.packageSuffix = packageSuffix;
    this.mustHaveCode = mustHaveCode;
    this.otherPackageSuffixes = List.of(otherSuffixes);
  }

  String directory() {
    return directory;
  }

  /** Every production package tree of this module: its own, then any second one. */
  List<String> rootPackages() {
    return Stream.concat(Stream.of(packageSuffix), otherPackageSuffixes.stream())
        .map(suffix -> BASE_PACKAGE + "." + suffix)
        .toList();
  }

  /** The module's package tree below another base, e.g. a fixture mirroring the layout. */
  String packageUnder(String basePackage) {
    return basePackage + "." + packageSuffix;
  }

  /** The core exists from the first commit; adapter modules and bootstrap arrive later. */
  boolean mustHaveCode() {
    return mustHaveCode;
  }
}
