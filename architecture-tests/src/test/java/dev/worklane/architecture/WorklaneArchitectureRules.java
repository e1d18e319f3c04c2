package dev.worklane.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMembers;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dependency and naming rules of docs/architecture.md, built for one base package so the very
 * same rules run against the production classes ({@code dev.worklane}) and against the good and bad
 * fixtures under {@code dev.worklane.archfixture}. Every rule says in its {@code because} how to
 * fix a violation.
 *
 * <p>Rules whose subject must exist today (the core) keep ArchUnit's {@code failOnEmptyShould};
 * rules about adapters and bootstrap allow an empty subject because those modules may still be
 * empty. {@code WorklaneArchitectureTest} makes up for it by checking that every compiled module
 * puts its classes under the package these rules name.
 */
public final class WorklaneArchitectureRules {

  /** A rule with a stable id, so tests can name it and map it to its bad fixture. */
  public record NamedRule(String id, ArchRule rule) {
    @Override
    public String toString() {
      return id;
    }
  }

  static final String SPRING_CONTROLLER = "org.springframework.stereotype.Controller";
  static final String SPRING_REST_CONTROLLER =
      "org.springframework.web.bind.annotation.RestController";
  static final String SPRING_CONFIGURATION = "org.springframework.context.annotation.Configuration";
  static final String SPRING_DATA_REPOSITORY = "org.springframework.data.repository.Repository";
  static final String SPRING_DATA_REPOSITORY_DEFINITION =
      "org.springframework.data.repository.RepositoryDefinition";
  static final String MAPSTRUCT_MAPPER = "org.mapstruct.Mapper";
  static final List<String> JPA_TYPE_ANNOTATIONS =
      List.of(
          "jakarta.persistence.Entity",
          "jakarta.persistence.Embeddable",
          "jakarta.persistence.MappedSuperclass");
  static final List<String> INJECTION_ANNOTATIONS =
      List.of(
          "org.springframework.beans.factory.annotation.Autowired",
          "org.springframework.beans.factory.annotation.Value",
          "jakarta.inject.Inject",
          "javax.inject.Inject",
          "jakarta.annotation.Resource",
          "javax.annotation.Resource",
          "jakarta.persistence.PersistenceContext");
  static final List<String> FRAMEWORK_PACKAGE_PREFIXES =
      List.of("org.springframework.", "jakarta.", "javax.");

  private final String base;
  private final String domain;
  private final String application;
  private final String portIn;
  private final String portOut;
  private final String portModel;
  private final String service;
  private final String adapter;
  private final String adapterOut;
  private final String web;
  private final String persistence;
  private final String bootstrap;

  private WorklaneArchitectureRules(String basePackage) {
    this.base = basePackage;
    this.domain = WorklaneModule.DOMAIN.packageUnder(basePackage);
    this.application = WorklaneModule.APPLICATION.packageUnder(basePackage);
    this.portIn = application + ".port.in";
    this.portOut = application + ".port.out";
    this.portModel = application + ".port.model";
    this.service = application + ".service";
    this.adapter = basePackage + ".adapter";
    this.adapterOut = adapter + ".out";
    this.web = WorklaneModule.ADAPTERS_WEB.packageUnder(basePackage);
    this.persistence = WorklaneModule.ADAPTERS_PERSISTENCE.packageUnder(basePackage);
    this.bootstrap = WorklaneModule.BOOTSTRAP.packageUnder(basePackage);
  }

  /** The rules for the production code base. */
  public static WorklaneArchitectureRules forWorklane() {
    return forBasePackage(WorklaneModule.BASE_PACKAGE);
  }

  /** The same rules rooted elsewhere, e.g. at a fixture package that mirrors the layout. */
  public static WorklaneArchitectureRules forBasePackage(String basePackage) {
    return new WorklaneArchitectureRules(basePackage);
  }

  /** Every rule; tests iterate this list, so a new rule is automatically run everywhere. */
  public List<NamedRule> all() {
    return List.of(
        new NamedRule("layers-point-inward", layersPointInward()),
        new NamedRule("domain-depends-only-on-java", domainDependsOnlyOnJava()),
        new NamedRule("application-depends-only-on-java-and-domain", applicationIsFrameworkFree()),
        new NamedRule("core-carries-no-framework-annotations", coreCarriesNoFrameworkAnnotations()),
        new NamedRule("adapters-are-independent", adaptersAreIndependent()),
        new NamedRule("controllers-live-in-web-adapter", controllersLiveInWebAdapter()),
        new NamedRule("controllers-call-only-inbound-ports", controllersCallOnlyInboundPorts()),
        new NamedRule(
            "persistence-types-live-in-persistence-adapter", persistenceTypesLiveInPersistence()),
        new NamedRule(
            "persistence-types-stay-in-persistence-adapter", persistenceTypesStayInPersistence()),
        new NamedRule("no-field-injection", noFieldInjection()),
        new NamedRule("no-cycles-between-top-level-packages", noCyclesBetweenTopLevelPackages()),
        new NamedRule("no-cycles-inside-modules", noCyclesInsideModules()),
        new NamedRule("inbound-ports-are-use-cases", inboundPortInterfacesAreUseCases()),
        new NamedRule(
            "inbound-and-outbound-ports-are-independent", inboundAndOutboundPortsAreIndependent()),
        new NamedRule("use-case-implementations-are-services", useCaseImplementationsAreServices()),
        new NamedRule("outbound-ports-are-capability-named", outboundPortsAreCapabilityNamed()),
        new NamedRule("rest-controllers-are-named-controller", restControllersAreNamedController()),
        new NamedRule(
            "outbound-port-implementations-are-adapters", outboundPortImplementationsAreAdapters()),
        new NamedRule("only-bootstrap-wires-use-cases", onlyBootstrapWiresUseCases()),
        new NamedRule(
            "configuration-lives-in-bootstrap-or-adapters",
            configurationLivesInBootstrapOrAdapters()));
  }

  // 1. domain <- application <- adapters-* <- bootstrap
  public ArchRule layersPointInward() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        // Sven's root-package config escaped every rule: a class outside the layers fails here.
        .ensureAllClassesAreContainedInArchitecture()
        .layer("Domain")
        .definedBy(pkg(domain))
        .layer("Application")
        .definedBy(pkg(application))
        // Adapter modules and bootstrap may still be empty; the core may not.
        .optionalLayer("Adapters")
        .definedBy(pkg(adapter))
        .optionalLayer("Bootstrap")
        .definedBy(pkg(bootstrap))
        .whereLayer("Bootstrap")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Adapters")
        .mayOnlyBeAccessedByLayers("Bootstrap")
        .whereLayer("Application")
        .mayOnlyBeAccessedByLayers("Adapters", "Bootstrap")
        .whereLayer("Domain")
        .mayOnlyBeAccessedByLayers("Application", "Adapters", "Bootstrap")
        .because(
            "dependencies point inward only (domain <- application <- adapters-* <-"
                + " bootstrap). To fix: when an inner layer needs something from an outer one,"
                + " declare an interface in application.port.out and implement it in an adapter;"
                + " wiring belongs in bootstrap. Every class must live under "
                + base
                + ".{domain,application,adapter,bootstrap}.");
  }

  // 2. domain allow-list
  public ArchRule domainDependsOnlyOnJava() {
    return classes()
        .that()
        .resideInAPackage(pkg(domain))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", pkg(domain))
        .because(
            "the domain is pure Java. To fix: remove the import; validation"
                + " goes into the record's compact constructor, persistence/JSON concerns go to"
                + " an adapter, and anything the domain needs from outside becomes a port in"
                + " application.port.out.");
  }

  // 3. application: java, domain and itself only
  public ArchRule applicationIsFrameworkFree() {
    return classes()
        .that()
        .resideInAPackage(pkg(application))
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", pkg(domain), pkg(application))
        .because(
            "use cases are framework-free (no Spring, Jakarta, Hibernate, Redisson, AWS,"
                + " Jackson in application). To fix: put the framework call behind an"
                + " application.port.out interface implemented in an adapter (transactions: the"
                + " Transactions port; logging: System.Logger), and wire the service in"
                + " bootstrap with a @Bean method.");
  }

  // 4. no framework annotations on core classes or their members
  public ArchRule coreCarriesNoFrameworkAnnotations() {
    DescribedPredicate<JavaAnnotation<?>> framework =
        describe(
            "a framework annotation (org.springframework.., jakarta.., javax..)",
            annotation ->
                FRAMEWORK_PACKAGE_PREFIXES.stream()
                    .anyMatch(annotation.getRawType().getName()::startsWith));
    ArchRule onClasses =
        noClasses()
            .that()
            .resideInAnyPackage(pkg(domain), pkg(application))
            .should()
            .beAnnotatedWith(framework)
            .orShould()
            .beMetaAnnotatedWith(framework);
    ArchRule onMembers =
        noMembers()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(pkg(domain), pkg(application))
            .should()
            .beAnnotatedWith(framework)
            .orShould()
            .beMetaAnnotatedWith(framework);
    return CompositeArchRule.of(onClasses)
        .and(onMembers)
        .because(
            "use cases are plain classes wired by @Bean methods in bootstrap, and a"
                + " stereotype like @Component/@Service/@Transactional drags the framework into"
                + " the core. To fix: remove the annotation and add a @Bean method to a"
                + " @Configuration class in "
                + bootstrap
                + "; for transactions call the Transactions port.");
  }

  // 5. adapters never depend on each other
  public ArchRule adaptersAreIndependent() {
    return slices()
        .matching(adapter + ".(*).(*)..")
        .namingSlices("adapter $1.$2")
        .should()
        .notDependOnEachOther()
        .allowEmptyShould(true)
        .because(
            "adapters are swapped per deployment and never see each other. To fix:"
                + " talk through the core instead, i.e. call an application port, and move"
                + " shared values into domain or application.port.in records; cross-adapter"
                + " wiring belongs in bootstrap.");
  }

  // 6a. controllers live in the web adapter
  public ArchRule controllersLiveInWebAdapter() {
    return classes()
        .that(controllers())
        .should()
        .resideInAPackage(pkg(web))
        .allowEmptyShould(true)
        .because(
            "HTTP is the web adapter's business. To fix: move the controller under "
                + web
                + ".{auth,project,task,user,admin} and keep it thin; what it does belongs in a use case.");
  }

  // 6b. controllers reach the application only through inbound ports
  public ArchRule controllersCallOnlyInboundPorts() {
    DescribedPredicate<JavaClass> applicationBesidesInboundPorts =
        describe(
            "are in " + application + " but not in " + portIn + " or " + portModel,
            c -> inPackage(c, application) && !inPackage(c, portIn) && !inPackage(c, portModel));
    return noClasses()
        .that(controllers())
        .should()
        .dependOnClassesThat(applicationBesidesInboundPorts)
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(pkg(adapterOut))
        .allowEmptyShould(true)
        .because(
            "a request walks controller -> XxxUseCase -> XxxService -> out-ports. To fix:"
                + " inject the XxxUseCase interface from application.port.in (add a method or a"
                + " use case there if missing) instead of a service, an out-port or an outbound"
                + " adapter.");
  }

  // 7a. JPA entities and Spring Data repositories live in the persistence adapter
  public ArchRule persistenceTypesLiveInPersistence() {
    return classes()
        .that(jpaOrSpringDataTypes())
        .should()
        .resideInAPackage(pkg(persistence))
        .allowEmptyShould(true)
        .because(
            "JPA entities and Spring Data repositories are the persistence adapter's private"
                + " detail. To fix: move the type under "
                + persistence
                + "; other modules use domain objects and the application.port.out interface.");
  }

  // 7b. ... and are never used outside it
  public ArchRule persistenceTypesStayInPersistence() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg(persistence))
        .should()
        .dependOnClassesThat(persistenceInternals())
        .because(
            "JPA entities, Spring Data repositories and entity mappers never leave"
                + " adapters-persistence. To fix: use the domain object and"
                + " the out-port (e.g. UserRepository) instead; make the entity, repository and"
                + " mapper package-private; from bootstrap, import the persistence adapter's"
                + " own @Configuration or name packages as strings rather than as entity"
                + " class literals.");
  }

  // 8. constructor injection only
  public ArchRule noFieldInjection() {
    var should = noFields().that().areDeclaredInClassesThat().resideInAPackage(pkg(base)).should();
    var rule = should.beAnnotatedWith(INJECTION_ANNOTATIONS.get(0));
    for (String annotation : INJECTION_ANNOTATIONS.subList(1, INJECTION_ANNOTATIONS.size())) {
      rule = rule.orShould().beAnnotatedWith(annotation);
    }
    return rule.because(
        "field injection hides dependencies and prevents final fields and plain unit tests. To"
            + " fix: make the field final and take it as a constructor parameter (@Value goes on"
            + " the parameter or, better, into a @ConfigurationProperties record; an"
            + " EntityManager can be injected through the constructor). For MapStruct mappers"
            + " that `use` others, compile with -Amapstruct.defaultInjectionStrategy=constructor.");
  }

  // 9a. no cycles between dev.worklane.(*)
  public ArchRule noCyclesBetweenTopLevelPackages() {
    return slices()
        .matching(base + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .because(noCyclesFix());
  }

  // 9b. no cycles one level deeper inside each module
  public ArchRule noCyclesInsideModules() {
    List<ArchRule> perModule =
        Stream.of(
                slicesFreeOfCycles(domain + ".(*)..", "domain.$1"),
                slicesFreeOfCycles(application + ".(*)..", "application.$1"),
                slicesFreeOfCycles(application + ".port.(*)..", "application.port.$1"),
                slicesFreeOfCycles(service + ".(*)..", "application.service.$1"),
                // adapter.in.web.(task|project|security|...), adapter.out.persistence.(user|...),
                // ...
                slicesFreeOfCycles(adapter + ".(*).(*).(*)..", "adapter.$1.$2.$3"),
                slicesFreeOfCycles(bootstrap + ".(*)..", "bootstrap.$1"))
            .toList();
    return CompositeArchRule.of(perModule).because(noCyclesFix());
  }

  private static ArchRule slicesFreeOfCycles(String pattern, String naming) {
    return slices()
        .matching(pattern)
        .namingSlices(naming)
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true);
  }

  // 10a. inbound ports are XxxUseCase interfaces (commands/queries are records beside them)
  public ArchRule inboundPortInterfacesAreUseCases() {
    return classes()
        .that()
        .resideInAPackage(pkg(portIn))
        .and()
        .areInterfaces()
        .should()
        .haveSimpleNameEndingWith("UseCase")
        .because(
            "inbound ports are XxxUseCase interfaces taking a command or query record. To"
                + " fix: rename the interface to XxxUseCase, or make it a record if it is data.");
  }

  // 10a'. in-ports and out-ports never see each other (buckpal's DependencyRuleTests)
  public ArchRule inboundAndOutboundPortsAreIndependent() {
    ArchRule inSeesNoOut =
        noClasses()
            .that()
            .resideInAPackage(pkg(portIn))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(pkg(portOut));
    ArchRule outSeesNoIn =
        noClasses()
            .that()
            .resideInAPackage(pkg(portOut))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(pkg(portIn));
    ArchRule modelSeesNeither =
        noClasses()
            .that()
            .resideInAPackage(pkg(portModel))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(pkg(portIn), pkg(portOut))
            .allowEmptyShould(true);
    return CompositeArchRule.of(inSeesNoOut)
        .and(outSeesNoIn)
        .and(modelSeesNeither)
        .because(
            "a use case's commands and views change with its callers, a repository's contract"
                + " with its adapters; when one port imports the other, a web change ripples into"
                + " every adapter. To fix: move the type both need (pages, filters, summaries)"
                + " into "
                + portModel
                + ", which in-ports and out-ports may both use and which uses neither.");
  }

  // 10b. use-case implementations are XxxService classes in application.service
  public ArchRule useCaseImplementationsAreServices() {
    return classes()
        .that()
        .implement(useCaseInterfaces())
        .and()
        .areNotInterfaces()
        .and()
        .areNotAnonymousClasses()
        .should()
        .haveSimpleNameEndingWith("Service")
        .andShould()
        .resideInAPackage(pkg(service))
        .because(
            "a use case XxxUseCase is implemented by XxxService in "
                + service
                + ".<feature>. To fix: rename the class and move it there.");
  }

  // 10c. outbound ports are named for the capability, not the operation
  public ArchRule outboundPortsAreCapabilityNamed() {
    return noClasses()
        .that()
        .resideInAPackage(pkg(portOut))
        .and()
        .areInterfaces()
        .should()
        .haveNameMatching(".*\\.(Load|Save|Update|Delete)[A-Z][^.]*")
        .orShould()
        .haveSimpleNameEndingWith("Port")
        .because(
            "out-ports are named for the capability, one per aggregate or concern ("
                + " UserRepository, JobQueue, Cache, Transactions), not LoadX/SaveX/XPort. To"
                + " fix: merge the operation into the aggregate's XxxRepository or name the"
                + " capability.");
  }

  // 10d. @RestController / @Controller classes end with Controller
  public ArchRule restControllersAreNamedController() {
    return classes()
        .that()
        .areMetaAnnotatedWith(SPRING_CONTROLLER)
        .should()
        .haveSimpleNameEndingWith("Controller")
        .allowEmptyShould(true)
        .because(
            "readers find the HTTP entry points by name. To fix: rename the class to"
                + " <Resource>Controller, one per resource and API version.");
  }

  // 10e. every implementation of an out-port is an XxxAdapter in an adapter module
  public ArchRule outboundPortImplementationsAreAdapters() {
    return classes()
        .that()
        .implement(outboundPorts())
        .and()
        .areNotInterfaces()
        .and()
        .areNotAnonymousClasses()
        .should()
        .haveSimpleNameEndingWith("Adapter")
        .andShould()
        .resideInAPackage(pkg(adapter))
        .allowEmptyShould(true)
        .because(
            "one adapter per port, recognisable by name and living in an adapter module, so"
                + " bootstrap only wires. To fix: move the class into the"
                + " adapter module of its technology and rename it <Technology><Port>Adapter,"
                + " e.g. JpaUserRepositoryAdapter; bootstrap maps properties and imports the"
                + " adapter's configuration.");
  }

  // 11a. use cases are wired by bootstrap only
  public ArchRule onlyBootstrapWiresUseCases() {
    return noClasses()
        .that()
        .resideOutsideOfPackages(pkg(application), pkg(bootstrap))
        .should()
        .dependOnClassesThat()
        .resideInAPackage(pkg(service))
        .because(
            "use cases are framework-free classes constructed by @Bean methods in bootstrap"
                + "; adapters see only the port interfaces. To fix: depend on"
                + " the XxxUseCase interface and move the `new XxxService(...)` into a"
                + " @Configuration class in "
                + bootstrap
                + ".");
  }

  // 11b. @Configuration classes (incl. @SpringBootApplication) live where the rules see them
  public ArchRule configurationLivesInBootstrapOrAdapters() {
    return classes()
        .that()
        .areMetaAnnotatedWith(SPRING_CONFIGURATION)
        .should()
        .resideInAnyPackage(pkg(bootstrap), pkg(adapter))
        .allowEmptyShould(true)
        .because(
            "wiring is bootstrap's job (adapters may configure their own technology), and a"
                + " configuration in the root package escapes every rule. To fix: move"
                + " the class under "
                + bootstrap
                + " (or under the adapter package whose technology it configures).");
  }

  // --- predicates ---------------------------------------------------------------------------

  private DescribedPredicate<JavaClass> controllers() {
    return describe(
        "are controllers (@Controller/@RestController or named *Controller)",
        c ->
            inPackage(c, base)
                && (c.isMetaAnnotatedWith(SPRING_CONTROLLER)
                    || c.getSimpleName().endsWith("Controller")));
  }

  private DescribedPredicate<JavaClass> jpaOrSpringDataTypes() {
    return describe(
        "are JPA entities/embeddables/mapped superclasses or Spring Data repositories",
        c ->
            inPackage(c, base)
                && (JPA_TYPE_ANNOTATIONS.stream().anyMatch(c::isAnnotatedWith)
                    || c.isAnnotatedWith(SPRING_DATA_REPOSITORY_DEFINITION)
                    || c.isAssignableTo(SPRING_DATA_REPOSITORY)));
  }

  private DescribedPredicate<JavaClass> persistenceInternals() {
    DescribedPredicate<JavaClass> jpaOrSpringData = jpaOrSpringDataTypes();
    return describe(
        "are JPA entities, Spring Data repositories or MapStruct mappers of the persistence"
            + " adapter",
        c ->
            jpaOrSpringData.test(c)
                || (inPackage(c, persistence) && c.isAnnotatedWith(MAPSTRUCT_MAPPER)));
  }

  private DescribedPredicate<JavaClass> useCaseInterfaces() {
    return describe("an interface in " + portIn, c -> c.isInterface() && inPackage(c, portIn));
  }

  private DescribedPredicate<JavaClass> outboundPorts() {
    return describe("an interface in " + portOut, c -> c.isInterface() && inPackage(c, portOut));
  }

  private String noCyclesFix() {
    return "package cycles make modules impossible to split or reason about. To fix:"
        + " move the shared type into the package both depend on (e.g. domain.common), or invert"
        + " one dependency with an interface owned by the lower package.";
  }

  private static String pkg(String packageName) {
    return packageName + "..";
  }

  private static boolean inPackage(JavaClass javaClass, String packageName) {
    String name = javaClass.getPackageName();
    return name.equals(packageName) || name.startsWith(packageName + ".");
  }
}
