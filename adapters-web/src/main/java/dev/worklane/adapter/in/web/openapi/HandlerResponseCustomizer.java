package dev.worklane.adapter.in.web.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * What only the handler method tells: the problem statuses it declares ({@link Problems}), and that
 * one returning {@code void} or {@code ResponseEntity<Void>} answers {@code 204 No Content} in this
 * API (logout, password change, …), where springdoc documents every handler without
 * {@code @ResponseStatus} as {@code 200}.
 */
class HandlerResponseCustomizer implements GlobalOperationCustomizer {

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    ProblemResponses.declare(operation, handler);
    ApiResponses responses = operation.getResponses();
    if (responses == null
        || handler.hasMethodAnnotation(ResponseStatus.class)
        || !returnsNoBody(handler)
        || !responses.containsKey("200")) {
      return operation;
    }
    responses.remove("200");
    responses.addApiResponse("204", new ApiResponse().description("No Content"));
    return operation;
  }

  static boolean returnsNoBody(HandlerMethod handler) {
    Class<?> type = handler.getMethod().getReturnType();
    if (type == void.class || type == Void.class) {
      return true;
    }
    Type generic = handler.getMethod().getGenericReturnType();
    return ResponseEntity.class.isAssignableFrom(type)
        && generic instanceof ParameterizedType parameterized
        && parameterized.getActualTypeArguments()[0] == Void.class;
  }
}
