package dev.worklane.archfixture.bad.adapter.in.web.support;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Violates: field injection. */
@Component
public class RequestClock {
  @Autowired private Clock clock;

  public Clock clock() {
    return clock;
  }
}
