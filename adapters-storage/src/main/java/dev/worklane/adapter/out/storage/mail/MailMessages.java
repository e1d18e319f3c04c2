package dev.worklane.adapter.out.storage.mail;

import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.port.out.EmailMessage;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** What both mailers share: one RFC 5322 message per {@link EmailMessage}, and its stable id. */
final class MailMessages {

  /** Right-hand side of the Message-ID when the sender's domain cannot serve. */
  static final String FALLBACK_DOMAIN = "worklane";

  /** Longest {@link #safeId} before it is cut and suffixed with a digest of the whole id. */
  static final int MAX_SAFE_ID = 120;

  private static final Pattern DOMAIN = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");

  private MailMessages() {}

  /** The configured sender; a bad one is a configuration error, reported at startup. */
  static InternetAddress sender(String from) {
    try {
      return encodedPersonal(new InternetAddress(from, true));
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("the mail sender address (from) is not valid", e);
    }
  }

  /**
   * A parsed address keeps its display name as raw text; set again with a charset, a non-ASCII name
   * ("Zoë") goes out as an RFC 2047 encoded word instead of bare UTF-8 bytes in the header.
   */
  private static InternetAddress encodedPersonal(InternetAddress address)
      throws UnsupportedEncodingException {
    if (address.getPersonal() != null) {
      address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
    }
    return address;
  }

  /**
   * The message as the recipient sees it: UTF-8 plain text, From, To, Subject, Date, and a
   * Message-ID derived from {@link EmailMessage#id()} so every retry of one job is the same
   * message. A recipient that is not an address fails the job for good: retrying cannot fix it.
   */
  static MimeMessage compose(
      Session session, EmailMessage message, InternetAddress from, Instant date) {
    InternetAddress to;
    try {
      to = encodedPersonal(new InternetAddress(message.to(), true));
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new PermanentJobFailure("the recipient is not a valid email address");
    }
    try {
      MimeMessage mime = new StableIdMimeMessage(session, messageId(message.id(), from));
      mime.setFrom(from);
      mime.setRecipient(RecipientType.TO, to);
      mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
      mime.setText(message.text(), StandardCharsets.UTF_8.name());
      mime.setSentDate(Date.from(date));
      // RFC 3834: machine-sent, so out-of-office responders stay quiet.
      mime.setHeader("Auto-Submitted", "auto-generated");
      mime.saveChanges();
      return mime;
    } catch (MessagingException e) {
      throw new IllegalStateException("cannot compose the email message", e);
    }
  }

  /** {@code <safe-id@sender-domain>}: the same for every retry of one message. */
  static String messageId(String id, InternetAddress from) {
    String address = from.getAddress();
    int at = address.lastIndexOf('@');
    String domain = at < 0 ? "" : address.substring(at + 1);
    if (!DOMAIN.matcher(domain).matches()) {
      domain = FALLBACK_DOMAIN;
    }
    return "<" + safeId(id) + "@" + domain + ">";
  }

  /**
   * The id spelled with {@code [A-Za-z0-9_-]} only, usable as a file name and a Message-ID:
   * letters, digits and {@code -} stay, every other UTF-8 byte becomes {@code _XX} (hex). The
   * encoding is one-to-one, so two ids never share a file. A long result is cut and ends with
   * {@code _h} (never produced by the encoding) plus the SHA-256 of the whole id, which keeps it
   * one-to-one.
   */
  static String safeId(String id) {
    StringBuilder safe = new StringBuilder(id.length());
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
        safe.append(c);
      } else {
        safe.append('_').append(HexFormat.of().withUpperCase().toHexDigits(b));
      }
    }
    if (safe.length() <= MAX_SAFE_ID) {
      return safe.toString();
    }
    return safe.substring(0, MAX_SAFE_ID - 66) + "_h" + sha256(id);
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Keeps its Message-ID: Jakarta Mail replaces it with a random one on every save otherwise. */
  private static final class StableIdMimeMessage extends MimeMessage {
    private final String messageId;

    StableIdMimeMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
