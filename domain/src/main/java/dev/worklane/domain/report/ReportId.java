package dev.worklane.domain.report;

import dev.worklane.domain.common.Require;
import java.util.UUID;

public record ReportId(UUID value) {
  public ReportId {
    Require.present(value, "reportId");
  }

  public static ReportId random() {
    return new ReportId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
