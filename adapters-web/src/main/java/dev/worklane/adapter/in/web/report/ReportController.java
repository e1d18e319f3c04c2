package dev.worklane.adapter.in.web.report;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.report.ReportUseCase;
import dev.worklane.application.port.in.report.ReportView;
import dev.worklane.application.port.in.report.RequestReportCommand;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportId;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reports of a project's tasks. A request answers 202 at once with the QUEUED report and its {@code
 * Location}; a job writes the file, and the report's {@code GET} shows its progress and, once
 * READY, a signed download URL. The versions differ in the filters' status spelling only.
 */
@RestController
@RequestMapping(path = ApiPaths.VERSIONED, produces = MediaType.APPLICATION_JSON_VALUE)
public class ReportController {
  private static final String PROJECT_REPORTS = ApiPaths.PROJECTS + "/{projectId}/reports";
  private static final String REPORT = ApiPaths.REPORTS + "/{id}";
  private static final String ACCEPTED =
      "Accepted: the report is QUEUED; poll `Location` (GET /reports/{id}) until it is READY";
  private static final String LOCATION = "The report: `/api/v{version}/reports/{id}`";

  private final ReportUseCase reports;
  private final ReportWebMapper mapper;
  private final Envelopes envelopes;

  public ReportController(ReportUseCase reports, ReportWebMapper mapper, Envelopes envelopes) {
    this.reports = reports;
    this.mapper = mapper;
    this.envelopes = envelopes;
  }

  /** report:generate (MANAGER or ADMIN) in a project the caller sees. */
  @Problems(HttpStatus.NOT_FOUND)
  @PostMapping(
      path = PROJECT_REPORTS,
      version = ApiVersioning.V1,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED) // as the ResponseEntity says; springdoc reads only this
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "202",
      description = ACCEPTED,
      useReturnTypeSchema = true,
      headers =
          @Header(
              name = "Location",
              description = LOCATION,
              schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
  ResponseEntity<ApiResponse<ReportResponseV1>> request(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestBody CreateReportRequest<ReportFiltersV1> body) {
    return accepted(
        ApiPaths.V1, request(actor, projectId, body, mapper.fromV1(body.filters())), mapper::toV1);
  }

  @Problems(HttpStatus.NOT_FOUND)
  @PostMapping(
      path = PROJECT_REPORTS,
      version = ApiVersioning.V2,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "202",
      description = ACCEPTED,
      useReturnTypeSchema = true,
      headers =
          @Header(
              name = "Location",
              description = LOCATION,
              schema = @Schema(type = "string", format = "uri-reference", maxLength = 2048)))
  ResponseEntity<ApiResponse<ReportResponseV2>> requestV2(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestBody CreateReportRequest<ReportFiltersV2> body) {
    return accepted(
        ApiPaths.V2, request(actor, projectId, body, mapper.fromV2(body.filters())), mapper::toV2);
  }

  /**
   * Its requester, the project's owners and managers, and admins read a report; to anyone else, and
   * once expired, it is 404.
   */
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = REPORT, version = ApiVersioning.V1)
  ApiResponse<ReportResponseV1> get(Actor actor, @PathVariable UUID id) {
    return envelopes.of(mapper.toV1(reports.get(actor, new ReportId(id))));
  }

  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = REPORT, version = ApiVersioning.V2)
  ApiResponse<ReportResponseV2> getV2(Actor actor, @PathVariable UUID id) {
    return envelopes.of(mapper.toV2(reports.get(actor, new ReportId(id))));
  }

  private ReportView request(
      Actor actor, UUID projectId, CreateReportRequest<?> body, ReportFilters filters) {
    return reports.request(
        actor, new ProjectId(projectId), new RequestReportCommand(body.format(), filters));
  }

  private <R> ResponseEntity<ApiResponse<R>> accepted(
      String root, ReportView report, Function<ReportView, R> representation) {
    return ResponseEntity.accepted()
        .location(URI.create(root + ApiPaths.REPORTS + "/" + report.report().id()))
        .body(envelopes.of(representation.apply(report)));
  }
}
