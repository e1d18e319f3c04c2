package dev.worklane.adapter.in.web.support;

/**
 * Web adapter settings, supplied by bootstrap from configuration.
 *
 * @param rateLimitsEnabled off only for load tests and special deployments; limits are on by
 *     default
 */
public record WebSettings(long maxJsonBodyBytes, boolean rateLimitsEnabled) {
  public WebSettings {
    if (maxJsonBodyBytes <= 0) {
      throw new IllegalArgumentException("maxJsonBodyBytes must be positive");
    }
  }
}
