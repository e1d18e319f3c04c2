package dev.worklane.bootstrap.config;

import dev.worklane.adapter.out.storage.mail.MailAdapterConfiguration;
import dev.worklane.adapter.out.storage.mail.MailAdapterSettings;
import dev.worklane.adapter.out.storage.mail.SmtpSettings;
import dev.worklane.application.job.SendEmailHandler;
import dev.worklane.application.port.out.Mailer;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Email: maps {@code worklane.mail.*} to the mail adapter (SMTP when a host is set, otherwise one
 * {@code .eml} file per message under {@code $WORKLANE_DATA_DIR/mail}, the embedded default) and
 * runs the {@code email.send} jobs.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailAdapterConfiguration.class)
public class MailWiring {

  @Bean
  MailAdapterSettings mailAdapterSettings(WorklaneProperties properties) {
    WorklaneProperties.Mail mail = properties.mail();
    if (mail.smtp()) {
      return MailAdapterSettings.smtp(
          mail.from(),
          SmtpSettings.withDefaultTimeouts(
              mail.smtpHost(),
              mail.smtpPort(),
              mail.smtpUsername(),
              mail.smtpPassword(),
              SmtpSettings.Security.valueOf(mail.smtpSecurity().strip().toUpperCase(Locale.ROOT))));
    }
    return mail.directory() == null || mail.directory().toString().isBlank()
        ? MailAdapterSettings.files(mail.from(), properties.dataDir())
        : MailAdapterSettings.filesIn(mail.from(), mail.directory());
  }

  @Bean
  SendEmailHandler sendEmailHandler(Mailer mailer, WorklaneProperties properties) {
    return new SendEmailHandler(mailer, properties.publicUrl());
  }
}
