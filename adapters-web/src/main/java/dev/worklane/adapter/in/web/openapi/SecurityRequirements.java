package dev.worklane.adapter.in.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Who may call an operation, asked of Spring Security itself (the {@link
 * WebInvocationPrivilegeEvaluator} of the API filter chain), so the document cannot drift from the
 * rules that are enforced: public operations, the credentials of the others, the role they need.
 */
final class SecurityRequirements {
  static final String BEARER = "bearerAuth";
  static final String SESSION = "sessionCookie";
  static final String XSRF = "xsrfToken";
  private static final String ROLE_NOTE = "Requires role %s (or a role above it).";
  private static final String ANY_ID = "00000000-0000-4000-8000-000000000000";

  private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;

  SecurityRequirements(ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
    this.privileges = privileges;
  }

  void secure(ApiOperation op) {
    Operation operation = op.operation();
    if (allowed(op, anonymous())) {
      operation.setSecurity(new ArrayList<>()); // public: explicitly no credentials needed
      return;
    }
    SecurityRequirement session = new SecurityRequirement().addList(SESSION);
    if (op.unsafe()) {
      session.addList(XSRF); // a session alone is not enough for unsafe methods (CSRF)
    }
    operation.setSecurity(
        new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER), session)));
    for (String role : List.of("USER", "MANAGER", "ADMIN")) {
      if (allowed(op, withRole(role))) {
        if (!"USER".equals(role)) {
          String note = ROLE_NOTE.formatted(role);
          operation.setDescription(
              operation.getDescription() == null
                  ? note
                  : operation.getDescription() + "\n\n" + note);
        }
        break;
      }
    }
  }

  private boolean allowed(ApiOperation op, Authentication caller) {
    WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
    if (evaluator == null) {
      return !op.isApi(); // no security chain to ask: assume the API needs credentials
    }
    // Any value satisfies the path patterns of the security rules ("*"), a UUID also the types.
    String uri = ApiOperation.PATH_VARIABLE.matcher(op.path()).replaceAll(ANY_ID);
    return evaluator.isAllowed("", uri, op.httpMethod(), caller);
  }

  private static Authentication anonymous() {
    return new AnonymousAuthenticationToken(
        "openapi", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
  }

  private static Authentication withRole(String role) {
    return UsernamePasswordAuthenticationToken.authenticated(
        "openapi", null, AuthorityUtils.createAuthorityList("ROLE_" + role));
  }
}
