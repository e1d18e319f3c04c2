package dev.worklane.domain.user;

public enum UserStatus {
  ACTIVE,
  DISABLED
}
