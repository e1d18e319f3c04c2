package dev.worklane.adapter.in.web.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/** A report in v2: filters in v2 spelling. */
@Schema(name = "ReportResponse")
@NullMarked
public record ReportResponseV2(
    @JsonUnwrapped ReportFields.Head head,
    ReportFiltersV2 filters,
    @JsonUnwrapped ReportFields.State state) {}
