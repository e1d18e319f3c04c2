package dev.worklane.architecture;

/**
 * The Maven modules whose compiled classes the rules read, and the one package tree each module's
 * classes must live in (SPEC §1, STYLE "The house"). {@link WorklaneArchitectureRules} builds its
 * packages from the same names, so the rules and this map cannot drift apart. Keep it in step with
 * the parent pom's {@code <modules>}.
 */
enum WorklaneModule {
  DOMAIN("domain", "domain", true),
  APPLICATION("application", "application", true),
  ADAPTERS_WEB("adapters-web", "adapter.in.web", true),
  ADAPTERS_PERSISTENCE("adapters-persistence", "adapter.out.persistence", true),
  ADAPTERS_REDIS("adapters-redis", "adapter.out.redis", false),
  ADAPTERS_STORAGE("adapters-storage", "adapter.out.storage", false),
  ADAPTERS_SECURITY("adapters-security", "adapter.out.security", true),
  BOOTSTRAP("bootstrap", "bootstrap", true);

  static final String BASE_PACKAGE = "dev.worklane";

  private final String directory;
  private final String packageSuffix;
  private final boolean mustHaveCode;

  WorklaneModule(String directory, String packageSuffix, boolean mustHaveCode) {
    this.directory = directory;
    this.packageSuffix = packageSuffix;
    this.mustHaveCode = mustHaveCode;
  }

  String directory() {
    return directory;
  }

  /** The production package tree of this module. */
  String rootPackage() {
    return packageUnder(BASE_PACKAGE);
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
