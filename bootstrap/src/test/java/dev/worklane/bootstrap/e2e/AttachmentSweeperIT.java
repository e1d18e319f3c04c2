package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.service.attachment.AttachmentSweeper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The attachment sweeper of the running application on the real store and database, one step at a
 * time (called directly rather than waiting for its 10-minute period): objects no row names go
 * after the grace period, rows stuck PENDING go with their objects, and so do the attachments of a
 * project archived longer than the retention. Ages are made by moving timestamps back.
 */
class AttachmentSweeperIT extends ProjectsE2eTest {
  private static final String BOUNDARY = "sweeper-boundary";

  @Autowired AttachmentSweeper sweeper;
  @Autowired ObjectStorage storage;

  record Uploaded(String projectId, String taskId, String id, Path file) {}

  Uploaded upload(Account owner) {
    JsonNode project = createProject(owner);
    String taskId = createTask(owner, project.get("id").asString(), "Swept").get("id").asString();
    byte[] body =
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nsome text\r\n--"
                + BOUNDARY
                + "--\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Api.Response created =
        api()
            .call("POST", "/api/v2/tasks/" + taskId + "/attachments")
            .bearer(owner.token())
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(HttpRequest.BodyPublishers.ofByteArray(body))
            .send();
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.data().get("id").asString();
    Path file = objectFile("attachments/" + taskId + "/" + id);
    assertThat(file).exists();
    return new Uploaded(project.get("id").asString(), taskId, id, file);
  }

  static Path objectFile(String key) {
    return DATA_DIR.resolve("files").resolve(key);
  }

  boolean rowExists(String id) {
    return jdbc.queryForObject(
            "select count(*) from attachments where id = ?::uuid", Long.class, id)
        == 1;
  }

  @Test
  void anObjectNoRowNamesIsDeletedOnceOlderThanTheGracePeriod() throws Exception {
    String young = "attachments/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    String old = "attachments/" + UUID.randomUUID() + "/" + UUID.randomUUID();
    for (String key : new String[] {young, old}) {
      storage.put(
          key, new ByteArrayInputStream(new byte[] {1}), 1, "text/plain", ObjectVisibility.PRIVATE);
    }
    Files.setLastModifiedTime(
        objectFile(old), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    Uploaded kept = upload(account("MANAGER"));
    Files.setLastModifiedTime(kept.file(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    AttachmentSweeper.Sweep sweep = sweeper.sweep();

    assertThat(sweep.orphanObjects()).isGreaterThanOrEqualTo(1);
    assertThat(storage.get(old, Optional.empty())).isEmpty();
    assertThat(objectFile(young)).exists();
    assertThat(kept.file()).as("an object with its row stays, however old").exists();
    storage.delete(young);
  }

  @Test
  void theObjectsOfADeletedTaskGoWithTheOrphans() throws Exception {
    Account owner = account("MANAGER");
    Uploaded uploaded = upload(owner);
    Api.Response task = api().get("/api/v1/tasks/" + uploaded.taskId(), owner.token());
    Api.Response deleted =
        api()
            .call("DELETE", "/api/v1/tasks/" + uploaded.taskId())
            .bearer(owner.token())
            .header("If-Match", task.header("ETag"))
            .send();
    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(rowExists(uploaded.id())).as("the row went with its task").isFalse();
    Files.setLastModifiedTime(
        uploaded.file(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));

    sweeper.sweep();

    assertThat(uploaded.file()).doesNotExist();
  }

  @Test
  void aRowStuckPendingPastTheLimitGoesWithItsObject() {
    Uploaded uploaded = upload(account("MANAGER"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !"PENDING".equals(status(uploaded.id())));
    jdbc.update(
        "update attachments set status = 'PENDING', sha256 = null, sniffed_type = null,"
            + " created_at = ? where id = ?::uuid",
        Timestamp.from(Instant.now().minus(Duration.ofDays(2))),
        uploaded.id());

    assertThat(sweeper.sweep().stuckPending()).isGreaterThanOrEqualTo(1);

    assertThat(rowExists(uploaded.id())).isFalse();
    assertThat(uploaded.file()).doesNotExist();
  }

  @Test
  void attachmentsOfAProjectArchivedPastTheRetentionAreRemoved() {
    Account owner = account("MANAGER");
    Uploaded archived = upload(owner);
    Uploaded recent = upload(owner);
    for (Uploaded u : new Uploaded[] {archived, recent}) {
      assertThat(
              api()
                  .call("DELETE", "/api/v1/projects/" + u.projectId())
                  .bearer(owner.token())
                  .send()
                  .status())
          .isEqualTo(204);
    }
    jdbc.update(
        "update projects set updated_at = ? where id = ?::uuid",
        Timestamp.from(Instant.now().minus(Duration.ofDays(31))),
        archived.projectId());

    assertThat(sweeper.sweep().archived()).isGreaterThanOrEqualTo(1);

    assertThat(rowExists(archived.id())).isFalse();
    assertThat(archived.file()).doesNotExist();
    assertThat(rowExists(recent.id())).as("archived within the retention").isTrue();
    assertThat(recent.file()).exists();
  }

  String status(String id) {
    return jdbc.queryForObject(
        "select status from attachments where id = ?::uuid", String.class, id);
  }
}
