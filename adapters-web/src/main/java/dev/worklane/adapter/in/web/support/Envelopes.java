package dev.worklane.adapter.in.web.support;

import dev.worklane.application.port.model.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Builds success envelopes with the current request id and time. */
@Component
public class Envelopes {
  private final Clock clock;

  public Envelopes(Clock clock) {
    this.clock = clock;
  }

  public <T> ApiResponse<T> of(T data) {
    return new ApiResponse<>(data, Meta.of(clock.instant(), currentRequestId()));
  }

  /** An offset page: {@code meta.page}, {@code meta.perPage}, {@code meta.total}. */
  public <T> ApiResponse<List<T>> page(Page<T> page) {
    return new ApiResponse<>(
        page.items(),
        new Meta(
            clock.instant(), currentRequestId(), page.page(), page.perPage(), page.total(), null));
  }

  /** A cursor page: {@code meta.perPage} and {@code meta.nextCursor} (null on the last page). */
  public <T> ApiResponse<List<T>> cursorPage(List<T> items, int perPage, String nextCursor) {
    return new ApiResponse<>(
        items,
        new Meta(
            clock.instant(),
            currentRequestId(),
            null,
            perPage,
            null,
            Optional.ofNullable(nextCursor)));
  }

  private static String currentRequestId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return RequestIds.of(request);
    }
    return null;
  }
}
