package dev.worklane.adapter.in.web.support;

/** Web adapter limits, supplied by bootstrap from configuration. */
public record WebSettings(long maxJsonBodyBytes) {
  public WebSettings {
    if (maxJsonBodyBytes <= 0) {
      throw new IllegalArgumentException("maxJsonBodyBytes must be positive");
    }
  }
}
