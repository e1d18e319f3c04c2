package dev.worklane.adapter.out.persistence.testsupport;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL JDBC URL split into what {@link TestPostgres} needs: the server part, the database,
 * the credentials (from {@code user}/{@code password} parameters) and any other parameters, kept.
 */
record JdbcUrl(String server, String database, String user, String password, List<String> rest) {

  private static final String PREFIX = "jdbc:postgresql://";

  static JdbcUrl parse(String url) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          TestPostgres.URL_VARIABLE + " must be a jdbc:postgresql:// URL, was " + redacted(url));
    }
    String afterPrefix = url.substring(PREFIX.length());
    int query = afterPrefix.indexOf('?');
    String location = query < 0 ? afterPrefix : afterPrefix.substring(0, query);
    int slash = location.indexOf('/');
    String server = slash < 0 ? location : location.substring(0, slash);
    String database =
        slash < 0 || slash == location.length() - 1 ? "postgres" : location.substring(slash + 1);
    String user = "postgres";
    String password = null;
    List<String> rest = new ArrayList<>();
    if (query >= 0) {
      for (String parameter : afterPrefix.substring(query + 1).split("&")) {
        if (parameter.startsWith("user=")) {
          user = decode(parameter.substring("user=".length()));
        } else if (parameter.startsWith("password=")) {
          password = decode(parameter.substring("password=".length()));
        } else if (!parameter.isEmpty()) {
          rest.add(parameter);
        }
      }
    }
    return new JdbcUrl(server, database, user, password, List.copyOf(rest));
  }

  /** The same server and parameters, another database; credentials travel separately. */
  String withDatabase(String name) {
    return PREFIX + server + "/" + name + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
  }

  @Override
  public String toString() {
    return withDatabase(database) + " as " + user;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static String redacted(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }
}
