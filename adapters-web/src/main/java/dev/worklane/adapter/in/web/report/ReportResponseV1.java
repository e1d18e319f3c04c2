package dev.worklane.adapter.in.web.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/** A report in v1: filters in v1 spelling. */
@Schema(name = "ReportResponse")
@NullMarked
public record ReportResponseV1(
    @JsonUnwrapped ReportFields.Head head,
    ReportFiltersV1 filters,
    @JsonUnwrapped ReportFields.State state) {}
