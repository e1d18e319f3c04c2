package dev.worklane.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.service.report.ReportSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code WORKLANE_REPORT_*} through application.yml into {@code worklane.report}. */
class ReportSettingsBindingTest {

  @Test
  void unsetTheRetentionIsTheCoresSevenDaysAndTheSweepRunsEveryTenMinutes() throws IOException {
    WorklaneProperties.Report report = bind(Map.of()).report();

    assertThat(report.retention())
        .isEqualTo(ReportSettings.DEFAULT_RETENTION)
        .isEqualTo(Duration.ofDays(7));
    assertThat(report.sweepInterval()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void setVariablesWin() throws IOException {
    WorklaneProperties.Report report =
        bind(Map.of("WORKLANE_REPORT_RETENTION", "36h", "WORKLANE_REPORT_SWEEP_INTERVAL", "30s"))
            .report();

    assertThat(report.retention()).isEqualTo(Duration.ofHours(36));
    assertThat(report.sweepInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  private static WorklaneProperties bind(Map<String, Object> variables) throws IOException {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader()
        .load("application.yml", new ClassPathResource("application.yml"))
        .forEach(environment.getPropertySources()::addLast);
    return Binder.get(environment).bind("worklane", WorklaneProperties.class).get();
  }
}
