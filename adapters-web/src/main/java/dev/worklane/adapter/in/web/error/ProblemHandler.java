package dev.worklane.adapter.in.web.error;

import dev.worklane.adapter.in.web.error.ProblemWriter.FieldError;
import dev.worklane.adapter.in.web.file.FileReadFailedException;
import dev.worklane.adapter.in.web.file.RangeNotSatisfiableException;
import dev.worklane.adapter.in.web.support.BodySizeLimitFilter.BodyTooLargeException;
import dev.worklane.adapter.in.web.support.ControlCharacterGuard.ControlCharacterException;
import dev.worklane.adapter.in.web.support.IfMatch;
import dev.worklane.adapter.in.web.support.InvalidCursorException;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.file.FileLinkRejectedException;
import dev.worklane.application.port.out.StorageUnavailableException;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.DomainException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.RateLimitedException;
import dev.worklane.domain.common.VersionMismatchException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.MissingApiVersionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The single error translator: domain exceptions and every framework failure become RFC 9457
 * problems with a stable {@code code}. Client mistakes are 4xx; only real faults are 500, and those
 * never carry a stack trace, SQL or class name to the client.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  static final String DATABASE_RETRY_AFTER_SECONDS = "2";
  static final String STORAGE_RETRY_AFTER_SECONDS = "5";

  private final ProblemWriter problems;

  public ProblemHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
    HttpStatus status =
        switch (ex) {
          case NotFoundException e -> HttpStatus.NOT_FOUND;
          case ConflictException e -> HttpStatus.CONFLICT;
          case ForbiddenException e -> {
            LOG.warn("authz_denied permission={} path={}", e.permission(), request.getRequestURI());
            yield HttpStatus.FORBIDDEN;
          }
          case InvalidInputException e -> HttpStatus.BAD_REQUEST;
          case AuthenticationFailedException e -> HttpStatus.UNAUTHORIZED;
          case RateLimitedException e -> HttpStatus.TOO_MANY_REQUESTS;
          case VersionMismatchException e -> HttpStatus.PRECONDITION_FAILED;
        };
    ProblemDetail problem = problems.problem(request, status, ex.code(), ex.getMessage());
    if (ex instanceof InvalidInputException invalid) {
      ProblemWriter.withErrors(problem, List.of(new FieldError(invalid.field(), ex.getMessage())));
    }
    HttpHeaders headers = new HttpHeaders();
    if (status == HttpStatus.UNAUTHORIZED) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    if (ex instanceof RateLimitedException limited) {
      long millis = limited.retryAfter().toMillis();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (millis + 999) / 1000)));
    }
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  @ExceptionHandler(InvalidCursorException.class)
  ResponseEntity<ProblemDetail> invalidCursor(
      InvalidCursorException ex, HttpServletRequest request) {
    ProblemDetail problem =
        problems.problem(request, HttpStatus.BAD_REQUEST, "INVALID_CURSOR", ex.getMessage());
    ProblemWriter.withErrors(
        problem, List.of(new FieldError(PageParameters.CURSOR, "is not a cursor of this list")));
    return ResponseEntity.badRequest().body(problem);
  }

  /** 428 without If-Match, 412 for an If-Match that can never name a version. */
  @ExceptionHandler(IfMatch.PreconditionException.class)
  ResponseEntity<ProblemDetail> precondition(
      IfMatch.PreconditionException ex, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(ex.status());
    return ResponseEntity.status(status)
        .body(problems.problem(request, status, ex.code(), ex.getMessage()));
  }

  /**
   * The object store is down or answered a server fault: the caller may retry. One line per
   * request, no stack trace; the message names the operation, never a URL or credential.
   */
  @ExceptionHandler({StorageUnavailableException.class, FileReadFailedException.class})
  ResponseEntity<ProblemDetail> storageUnavailable(
      RuntimeException ex, HttpServletRequest request) {
    LOG.warn(
        "storage_unavailable path={} error={}",
        request.getRequestURI(),
        ex.getCause() == null ? ex.getMessage() : ex.getCause().getClass().getSimpleName());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, STORAGE_RETRY_AFTER_SECONDS)
        .body(
            problems.problem(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                "STORAGE_UNAVAILABLE",
                "File storage is temporarily unavailable; retry shortly"));
  }

  /** A signed download link that was edited (or forged) or has expired. */
  @ExceptionHandler(FileLinkRejectedException.class)
  ResponseEntity<ProblemDetail> fileLinkRejected(
      FileLinkRejectedException ex, HttpServletRequest request) {
    String code =
        ex.reason() == FileLinkRejectedException.Reason.EXPIRED ? "LINK_EXPIRED" : "LINK_INVALID";
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(problems.problem(request, HttpStatus.FORBIDDEN, code, ex.getMessage()));
  }

  /** 416 names the size, so a client can ask again for a range that exists. */
  @ExceptionHandler(RangeNotSatisfiableException.class)
  ResponseEntity<ProblemDetail> rangeNotSatisfiable(
      RangeNotSatisfiableException ex, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
        .header(HttpHeaders.CONTENT_RANGE, "bytes */" + ex.size())
        .body(
            problems.problem(
                request,
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "RANGE_NOT_SATISFIABLE",
                ex.getMessage()));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
    LOG.warn("authz_denied path={}", request.getRequestURI());
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(problems.problem(request, HttpStatus.FORBIDDEN, "FORBIDDEN", "Access denied"));
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ProblemDetail> unauthenticated(
      AuthenticationException ex, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(
            problems.problem(
                request, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required"));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
    if (causedByBodyLimit(ex)) {
      return tooLarge(request, ex);
    }
    StorageUnavailableException storage = causeOfType(ex, StorageUnavailableException.class);
    if (storage != null) {
      return storageUnavailable(storage, request);
    }
    if (DatabaseFailures.isUnavailable(ex)) {
      // An outage is not a bug: one line per request, no stack trace flooding the error log.
      LOG.warn(
          "database_unavailable path={} error={}",
          request.getRequestURI(),
          ex.getClass().getSimpleName());
      return databaseUnavailable(problems, request);
    }
    if (DatabaseFailures.isRejectedValue(ex)) {
      LOG.warn("database_rejected_value path={}", request.getRequestURI());
      return ResponseEntity.badRequest()
          .body(
              problems.problem(
                  request,
                  HttpStatus.BAD_REQUEST,
                  "VALIDATION_FAILED",
                  "A value in the request cannot be stored"));
    }
    LOG.error("unhandled_exception path={}", request.getRequestURI(), ex);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(
            problems.problem(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR",
                "An unexpected error occurred; quote the requestId when reporting it"));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    HttpServletRequest servlet = servletRequest(request);
    if (causedByBodyLimit(ex)) {
      return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
          .body(tooLarge(servlet, ex).getBody());
    }
    Throwable cause = ex.getMostSpecificCause();
    ProblemDetail problem;
    if (cause instanceof ControlCharacterException control) {
      problem =
          problems.problem(
              servlet, HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Request validation failed");
      ProblemWriter.withErrors(
          problem, List.of(new FieldError(path(control), "must not contain control characters")));
    } else if (cause instanceof UnrecognizedPropertyException unknown) {
      problem =
          problems.problem(
              servlet,
              HttpStatus.BAD_REQUEST,
              "UNKNOWN_PROPERTY",
              "Unknown property in request body");
      ProblemWriter.withErrors(
          problem, List.of(new FieldError(path(unknown), "is not a known property")));
    } else if (cause instanceof MismatchedInputException mismatch) {
      problem =
          problems.problem(
              servlet, HttpStatus.BAD_REQUEST, "TYPE_MISMATCH", "A value has the wrong type");
      ProblemWriter.withErrors(
          problem, List.of(new FieldError(path(mismatch), "has the wrong type or shape")));
    } else if (cause instanceof StreamReadException || cause instanceof JacksonException) {
      problem =
          problems.problem(
              servlet, HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "Request body is not valid JSON");
    } else {
      problem =
          problems.problem(
              servlet,
              HttpStatus.BAD_REQUEST,
              "MALFORMED_BODY",
              "Request body is missing or unreadable");
    }
    return ResponseEntity.badRequest().body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    ProblemDetail problem =
        problems.problem(
            servletRequest(request),
            HttpStatus.BAD_REQUEST,
            "VALIDATION_FAILED",
            "Request validation failed");
    return ResponseEntity.badRequest().body(ProblemWriter.withErrors(problem, errors));
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                new FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    ProblemDetail problem =
        problems.problem(
            servletRequest(request),
            HttpStatus.BAD_REQUEST,
            "VALIDATION_FAILED",
            "Request validation failed");
    return ResponseEntity.badRequest().body(ProblemWriter.withErrors(problem, errors));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    ProblemDetail problem =
        problems.problem(
            servletRequest(request),
            HttpStatus.BAD_REQUEST,
            "INVALID_PARAMETER",
            "Parameter '" + name + "' has an invalid value");
    return ResponseEntity.badRequest()
        .body(
            ProblemWriter.withErrors(
                problem, List.of(new FieldError(name, "has an invalid value"))));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(noEndpoint(servletRequest(request)));
  }

  /**
   * A version the API does not have ({@code /api/v3/…}, {@code /api/v1.5/…}) or an endpoint its
   * version lacks ({@code /api/v2/users/me}): no such endpoint, as for any unknown path, never
   * Spring's 400 (NotAcceptableApiVersionException is an InvalidApiVersionException).
   */
  @ExceptionHandler({InvalidApiVersionException.class, MissingApiVersionException.class})
  ResponseEntity<ProblemDetail> unknownApiVersion(Exception ex, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(noEndpoint(request));
  }

  private ProblemDetail noEndpoint(HttpServletRequest request) {
    return problems.problem(
        request,
        HttpStatus.NOT_FOUND,
        "NOT_FOUND",
        "No endpoint " + request.getMethod() + " " + request.getRequestURI());
  }

  /**
   * Every other Spring MVC exception (405, 406, 415, ...): keep Spring's status, add our fields.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail
            ? detail
            : ProblemDetail.forStatusAndDetail(
                status, HttpStatus.valueOf(status.value()).getReasonPhrase());
    problems.enrich(problem, servletRequest(request), null);
    return ResponseEntity.status(status).headers(headers).body(problem);
  }

  /** 503 with {@code Retry-After}: the caller did nothing wrong and may simply try again. */
  static ResponseEntity<ProblemDetail> databaseUnavailable(
      ProblemWriter problems, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
        .body(
            problems.problem(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                "DATABASE_UNAVAILABLE",
                "The database is temporarily unavailable; retry shortly"));
  }

  private ResponseEntity<ProblemDetail> tooLarge(HttpServletRequest request, Exception ex) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(
            problems.problem(
                request,
                HttpStatus.CONTENT_TOO_LARGE,
                "PAYLOAD_TOO_LARGE",
                "Request body is too large"));
  }

  private static <T extends Throwable> T causeOfType(Throwable ex, Class<T> type) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static boolean causedByBodyLimit(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private static String path(JacksonException ex) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : ex.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "$" : path.toString();
  }

  private static HttpServletRequest servletRequest(WebRequest request) {
    return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
  }
}
