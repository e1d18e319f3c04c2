package dev.worklane.domain.project;

/** A member's role inside one project (not to be confused with the account's {@code Role}). */
public enum ProjectRole {
  OWNER,
  MEMBER
}
