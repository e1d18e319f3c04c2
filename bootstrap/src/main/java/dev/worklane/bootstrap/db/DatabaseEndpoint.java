package dev.worklane.bootstrap.db;

/** Where the application's PostgreSQL is, external or embedded. */
public record DatabaseEndpoint(String url, String username, String password, boolean embedded) {
  @Override
  public String toString() {
    return "DatabaseEndpoint[url="
        + url
        + ", username="
        + username
        + ", embedded="
        + embedded
        + "]";
  }
}
