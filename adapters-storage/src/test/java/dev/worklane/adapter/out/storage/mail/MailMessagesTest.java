package dev.worklane.adapter.out.storage.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailMessagesTest {

  @Test
  void aUuidJobIdIsItsOwnSafeId() {
    String id = UUID.randomUUID().toString();

    assertThat(MailMessages.safeId(id)).isEqualTo(id);
  }

  @Test
  void everyOtherCharacterIsEscapedOneToOne() {
    List<String> ids =
        List.of("welcome:42", "welcome_42", "welcome_3A42", "a.b", "a_2Eb", "zoë", "zo_C3_AB");

    List<String> safe = ids.stream().map(MailMessages::safeId).toList();

    assertThat(safe).doesNotHaveDuplicates().allMatch(s -> s.matches("[A-Za-z0-9_-]+"));
    assertThat(MailMessages.safeId("welcome:42")).isEqualTo("welcome_3A42");
    assertThat(MailMessages.safeId("zoë")).isEqualTo("zo_C3_AB");
  }

  @Test
  void hostileIdsBecomePlainNames() {
    for (String hostile :
        List.of("../../etc/passwd", "/etc/passwd", "..", ".", "a/b\\c", "C:\\x", "nul\0byte")) {
      assertThat(MailMessages.safeId(hostile))
          .as(hostile)
          .matches("[A-Za-z0-9_-]+")
          .doesNotContain("..", "/", "\\");
    }
  }

  @Test
  void aLongIdIsCutAndKeepsADigestOfTheWhole() {
    String longId = "k".repeat(150);
    String otherLongId = "k".repeat(149) + "j";

    String safe = MailMessages.safeId(longId);

    assertThat(safe).hasSize(MailMessages.MAX_SAFE_ID).contains("_h");
    assertThat(MailMessages.safeId(otherLongId))
        .hasSize(MailMessages.MAX_SAFE_ID)
        .isNotEqualTo(safe);
    assertThat(MailMessages.safeId("é".repeat(200))).hasSize(MailMessages.MAX_SAFE_ID);
  }

  @Test
  void theMessageIdUsesTheSendersDomainOrAFallback() throws Exception {
    assertThat(MailMessages.messageId("job-1", new InternetAddress("no-reply@mail.example.com")))
        .isEqualTo("<job-1@mail.example.com>");
    assertThat(MailMessages.messageId("job-1", new InternetAddress("postmaster")))
        .isEqualTo("<job-1@worklane>");
  }

  @Test
  void aBadSenderIsAConfigurationError() {
    assertThatThrownBy(() -> MailMessages.sender("not an address@@"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from");
    assertThat(MailMessages.sender("Worklane <no-reply@example.com>").getPersonal())
        .isEqualTo("Worklane");
  }
}
