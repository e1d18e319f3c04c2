package dev.worklane.adapter.in.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel /error: failures raised outside Spring MVC (container-level 400s,
 * filter errors) still answer with a problem document and no internals.
 */
@RestController
public class ProblemErrorController implements ErrorController {
  private final ProblemWriter problems;

  public ProblemErrorController(ProblemWriter problems) {
    this.problems = problems;
  }

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    if (causedBySessionStore(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", "5")
          .body(
              problems.problem(
                  request,
                  HttpStatus.SERVICE_UNAVAILABLE,
                  "SESSION_STORE_UNAVAILABLE",
                  "Sessions are temporarily unavailable; retry shortly or use a bearer token"));
    }
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (error instanceof Throwable failure && DatabaseFailures.isUnavailable(failure)) {
      return ProblemHandler.databaseUnavailable(problems, request);
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    String detail =
        status.is5xxServerError()
            ? "An unexpected error occurred; quote the requestId when reporting it"
            : status.getReasonPhrase();
    return ResponseEntity.status(status)
        .body(problems.problem(request, status, ProblemWriter.codeFor(status.value()), detail));
  }

  /** The session store failed mid-request (after {@code SessionStoreGuardFilter} let it pass). */
  private static boolean causedBySessionStore(Object error) {
    for (Throwable t = error instanceof Throwable e ? e : null; t != null; t = t.getCause()) {
      if (t instanceof SessionStoreUnavailableException) {
        return true;
      }
    }
    return false;
  }
}
