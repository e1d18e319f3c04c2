package dev.worklane.domain.user;

import dev.worklane.domain.common.Require;
import java.util.UUID;

public record UserId(UUID value) {
  public UserId {
    Require.present(value, "userId");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  public static UserId of(String value) {
    return new UserId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
