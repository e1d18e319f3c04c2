package dev.worklane.application.port.out;

import java.util.Objects;

/**
 * One plain-text email.
 *
 * @param id stable across retries of the job that sends it (the job id): adapters use it as the
 *     Message-ID / file name so a retried send can be recognised as the same message
 */
public record EmailMessage(String id, String to, String subject, String text) {
  public EmailMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
      throw new IllegalArgumentException("subject must be one line");
    }
  }
}
