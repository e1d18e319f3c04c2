package dev.worklane.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.worklane.architecture.WorklaneArchitectureRules.NamedRule;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves every rule can fail: the rules are rebuilt for two fixture code bases that mirror
 * Worklane's package layout under {@code dev.worklane.archfixture}. The bad one holds one
 * deliberate violation per rule, and each rule must report exactly that class; the good one must
 * pass every rule, with {@code allowEmptyShould(false)} so that no rule passes by checking nothing.
 */
class ArchitectureRulesCanFailTest {

  private static final String BAD = "dev.worklane.archfixture.bad";
  private static final String GOOD = "dev.worklane.archfixture.good";

  /** The class of the bad fixture each rule must name in its report. */
  private static final Map<String, String> DELIBERATE_VIOLATION =
      Map.ofEntries(
          entry("layers-point-inward", BAD + ".application.service.order.PlaceOrderService"),
          entry("domain-depends-only-on-java", BAD + ".domain.order.Order"),
          entry(
              "application-depends-only-on-java-and-domain",
              BAD + ".application.service.order.PlaceOrderService"),
          entry("core-carries-no-framework-annotations", BAD + ".domain.order.Order"),
          entry(
              "adapters-are-independent",
              BAD + ".adapter.out.persistence.order.OrderRepositoryAdapter"),
          entry("controllers-live-in-web-adapter", BAD + ".bootstrap.HealthController"),
          entry("controllers-call-only-inbound-ports", BAD + ".adapter.in.web.v1.OrderController"),
          entry(
              "persistence-types-live-in-persistence-adapter",
              BAD + ".adapter.out.redis.CachedOrderEntity"),
          entry(
              "persistence-types-stay-in-persistence-adapter",
              BAD + ".bootstrap.wiring.OrderWiring"),
          entry("no-field-injection", BAD + ".adapter.in.web.support.RequestClock"),
          entry(
              "no-cycles-between-top-level-packages",
              BAD + ".application.service.order.PlaceOrderService"),
          entry("no-cycles-inside-modules", BAD + ".domain.customer.Customer"),
          entry("inbound-ports-are-use-cases", BAD + ".application.port.in.order.OrderOperations"),
          entry(
              "inbound-and-outbound-ports-are-independent",
              BAD + ".application.port.out.OrderHistory"),
          entry(
              "use-case-implementations-are-services",
              BAD + ".application.service.order.PlaceOrderHandler"),
          entry("outbound-ports-are-capability-named", BAD + ".application.port.out.LoadOrderPort"),
          entry("rest-controllers-are-named-controller", BAD + ".adapter.in.web.v1.OrderEndpoint"),
          entry(
              "outbound-port-implementations-are-adapters",
              BAD + ".adapter.out.redis.RedisOrderCache"),
          entry(
              "only-bootstrap-wires-use-cases", BAD + ".adapter.out.persistence.PersistenceWiring"),
          entry("configuration-lives-in-bootstrap-or-adapters", BAD + ".StrayConfiguration"));

  private static final JavaClasses BAD_CLASSES = new ClassFileImporter().importPackages(BAD);
  private static final JavaClasses GOOD_CLASSES = new ClassFileImporter().importPackages(GOOD);

  static Stream<NamedRule> badFixtureRules() {
    return WorklaneArchitectureRules.forBasePackage(BAD).all().stream();
  }

  static Stream<NamedRule> goodFixtureRules() {
    return WorklaneArchitectureRules.forBasePackage(GOOD).all().stream();
  }

  @Test
  void everyRuleHasADeliberateViolationInTheBadFixture() {
    List<String> ruleIds = badFixtureRules().map(NamedRule::id).toList();
    assertThat(ruleIds).doesNotHaveDuplicates();
    assertThat(DELIBERATE_VIOLATION.keySet()).containsExactlyInAnyOrderElementsOf(ruleIds);
  }

  @Test
  void fixturesWereImported() {
    // Guards against a renamed fixture package making both fixture tests vacuous.
    assertThat(BAD_CLASSES.size()).isGreaterThanOrEqualTo(DELIBERATE_VIOLATION.size());
    assertThat(GOOD_CLASSES.size()).isGreaterThan(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFixtureRules")
  void ruleReportsTheDeliberateViolation(NamedRule rule) {
    EvaluationResult result = rule.rule().evaluate(BAD_CLASSES);

    assertThat(result.hasViolation()).as("%s reports a violation", rule).isTrue();
    String offender = DELIBERATE_VIOLATION.get(rule.id());
    assertThat(result.getFailureReport().getDetails())
        .as("%s names %s", rule, offender)
        .anyMatch(detail -> mentionsClass(detail, offender));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodFixtureRules")
  void ruleAcceptsTheWellFormedFixture(NamedRule rule) {
    EvaluationResult result = rule.rule().allowEmptyShould(false).evaluate(GOOD_CLASSES);

    assertThat(result.hasViolation()).as("%s%n%s", rule, result.getFailureReport()).isFalse();
  }

  /** The name must end there, so that e.g. {@code Order} does not match {@code OrderEntity}. */
  private static boolean mentionsClass(String detail, String className) {
    int at = detail.indexOf(className);
    while (at >= 0) {
      int end = at + className.length();
      if (end == detail.length() || !Character.isJavaIdentifierPart(detail.charAt(end))) {
        return true;
      }
      at = detail.indexOf(className, end);
    }
    return false;
  }
}
