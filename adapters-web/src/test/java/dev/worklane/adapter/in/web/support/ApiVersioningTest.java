package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersioningTest {

  @Test
  void parsesThePathSegmentAndTheMappingVersionsAlike() {
    assertThat(ApiVersioning.PARSER.parseVersion("v1"))
        .isEqualTo(ApiVersioning.PARSER.parseVersion("1"));
    assertThat(ApiVersioning.PARSER.parseVersion("v1.5").getMinor()).isEqualTo(5);
    assertThat(ApiVersioning.PARSER.parseVersion("v2").getMajor()).isEqualTo(2);
  }

  @Test
  void refusesWhatThePathSegmentCannotMeanAsAVersion() {
    for (String segment : new String[] {"v01", "x1", "v", "vv1", "v1-beta", "", "v1.2.3.4"}) {
      assertThatThrownBy(() -> ApiVersioning.PARSER.parseVersion(segment))
          .as(segment)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aMappingServesItsVersionOrEveryLaterOneWithAPlus() {
    assertThat(ApiVersioning.serves("1", 1)).isTrue();
    assertThat(ApiVersioning.serves("1", 2)).isFalse();
    assertThat(ApiVersioning.serves("2", 1)).isFalse();
    assertThat(ApiVersioning.serves("2", 2)).isTrue();
    assertThat(ApiVersioning.serves("1+", 1)).isTrue();
    assertThat(ApiVersioning.serves("1+", 2)).isTrue();
    assertThat(ApiVersioning.serves("2+", 1)).isFalse();
    assertThat(ApiVersioning.serves("", 1)).as("unversioned").isFalse();
  }
}
