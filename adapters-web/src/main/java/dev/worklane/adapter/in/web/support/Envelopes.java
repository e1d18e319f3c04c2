package dev.worklane.adapter.in.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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

  private static String currentRequestId() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
      HttpServletRequest request = attrs.getRequest();
      return RequestIds.of(request);
    }
    return null;
  }
}
