package dev.worklane.adapter.out.storage.mail;

import dev.worklane.application.port.out.Mailer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Mailer} of this deployment, chosen by {@link MailAdapterSettings#transport()}.
 * Bootstrap maps its properties to that record, provides the {@link Clock}, and imports this class;
 * nothing else.
 */
@Configuration(proxyBeanMethods = false)
public class MailAdapterConfiguration {

  @Bean
  Mailer mailer(MailAdapterSettings settings, Clock clock) {
    return switch (settings.transport()) {
      case SMTP -> new SmtpMailerAdapter(settings.smtp(), settings.from(), clock);
      case FILE -> new FileMailerAdapter(settings.directory(), settings.from(), clock);
    };
  }
}
