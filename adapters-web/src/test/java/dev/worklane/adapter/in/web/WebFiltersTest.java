package dev.worklane.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebFiltersTest {

  /** The order the map promises: each filter's reason to be where it is depends on it. */
  @Test
  void filtersRunInTheOrderTheirReasonsNeed() {
    assertThat(
            new int[] {
              WebFilters.REQUEST_ID,
              WebFilters.DEPRECATION_HEADERS,
              WebFilters.BODY_SIZE_LIMIT,
              WebFilters.ACCESS_LOG,
              WebFilters.SESSION_REPOSITORY,
              WebFilters.SESSION_STORE_GUARD,
              WebFilters.SECURITY_CHAIN
            })
        .isSorted()
        .doesNotHaveDuplicates();
  }

  @Test
  void everyRegistrationCarriesItsNamedOrder() {
    WebFilters filters = new WebFilters();
    assertThat(filters.requestIdFilter().getOrder()).isEqualTo(WebFilters.REQUEST_ID);
    assertThat(filters.accessLogFilter().getOrder()).isEqualTo(WebFilters.ACCESS_LOG);
    assertThat(filters.sessionStoreGuardFilter(null).getOrder())
        .isEqualTo(WebFilters.SESSION_STORE_GUARD);
  }
}
