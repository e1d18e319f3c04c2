package dev.worklane.adapter.in.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

class ProblemResponsesTest {
  static final ProblemResponses TWO_MB = new ProblemResponses(() -> 2 * 1024 * 1024);

  static class Handlers {
    void logout() {}

    @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
    void update() {}

    @Problems(HttpStatus.NOT_FOUND)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
        responseCode = "409",
        description = "`EMAIL_TAKEN`")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201")
    void register() {}
  }

  @Test
  void anOperationAnswersOnlyTheSharedProblemsAndWhatItsHandlerDeclares() throws Exception {
    Operation logout = secured(new Operation().responses(new ApiResponses()));
    ProblemResponses.declare(logout, handler("logout"));
    TWO_MB.describe(
        new ApiOperation("/api/v1/auth/logout", HttpMethod.POST, logout, new PathItem()));
    assertThat(logout.getResponses().keySet())
        .containsExactly("401", "403", "429", "500", "503")
        .doesNotContain("404", "409");

    Operation update = secured(new Operation().responses(new ApiResponses()));
    update.setRequestBody(new RequestBody());
    ProblemResponses.declare(update, handler("update"));
    TWO_MB.describe(
        new ApiOperation("/api/v1/things/{id}", HttpMethod.PATCH, update, new PathItem()));
    assertThat(update.getResponses().keySet())
        .containsExactly("400", "401", "403", "404", "409", "413", "415", "429", "500", "503");
    ApiResponse conflict = update.getResponses().get("409");
    assertThat(conflict.getContent().get(ProblemResponses.PROBLEM_JSON).getSchema().get$ref())
        .endsWith("/Problem");
    assertThat(update.getResponses().get("413").getDescription())
        .as("the configured limit, not a constant")
        .contains("2 MB (2097152 bytes)");
  }

  @Test
  void declaredStatusesComeFromProblemsAndSpringdocAnnotations() throws Exception {
    assertThat(ProblemResponses.declaredBy(handler("logout"))).isEmpty();
    assertThat(ProblemResponses.declaredBy(handler("update"))).containsExactly(404, 409);
    assertThat(ProblemResponses.declaredBy(handler("register"))).containsExactly(404, 409);
  }

  @Test
  void sizesReadAsTheUnitsOfTheSetting() {
    assertThat(ProblemResponses.size(1024 * 1024)).isEqualTo("1 MB (1048576 bytes)");
    assertThat(ProblemResponses.size(512 * 1024)).isEqualTo("512 KB (524288 bytes)");
    assertThat(ProblemResponses.size(1000)).isEqualTo("1000 bytes");
  }

  private static Operation secured(Operation operation) {
    operation.setSecurity(List.of(new SecurityRequirement().addList(SecurityRequirements.BEARER)));
    return operation;
  }

  private static HandlerMethod handler(String name) throws NoSuchMethodException {
    return new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(name));
  }
}
