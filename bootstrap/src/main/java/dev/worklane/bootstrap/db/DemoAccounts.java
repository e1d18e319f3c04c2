package dev.worklane.bootstrap.db;

import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.domain.user.Password;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The demo context's three accounts. Their passwords are random, made on first start and kept in
 * the data directory (never in the repository); Liquibase gets only the BCrypt hashes, as changelog
 * parameters. Stored hashes keep the parameters stable across restarts.
 */
public final class DemoAccounts {
  public static final List<String> ROLES = List.of("admin", "manager", "user");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> passwords;
  private final Map<String, String> hashes;

  private DemoAccounts(Map<String, String> passwords, Map<String, String> hashes) {
    this.passwords = passwords;
    this.hashes = hashes;
  }

  public static DemoAccounts loadOrCreate(Path file, PasswordHasher hasher) {
    try {
      Properties stored = new Properties();
      if (Files.exists(file)) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          stored.load(in);
        }
      }
      Map<String, String> passwords = new LinkedHashMap<>();
      Map<String, String> hashes = new LinkedHashMap<>();
      boolean changed = false;
      for (String role : ROLES) {
        String password = stored.getProperty(role + ".password");
        String hash = stored.getProperty(role + ".password-hash");
        if (password == null || hash == null) {
          password = randomPassword();
          hash = hasher.hash(new Password(password));
          stored.setProperty(role + ".password", password);
          stored.setProperty(role + ".password-hash", hash);
          changed = true;
        }
        passwords.put(role, password);
        hashes.put(role, hash);
      }
      if (changed) {
        save(file, stored);
      }
      return new DemoAccounts(passwords, hashes);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write demo credentials " + file, e);
    }
  }

  public static String email(String role) {
    return role + "@worklane.local";
  }

  public String password(String role) {
    return passwords.get(role);
  }

  /** {@code demo.<role>.password-hash} parameters for the demo changeset. */
  public Map<String, String> liquibaseParameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    hashes.forEach((role, hash) -> parameters.put("demo." + role + ".password-hash", hash));
    return parameters;
  }

  private static String randomPassword() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return "demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void save(Path file, Properties stored) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!Files.exists(file)) {
      Files.createFile(file);
    }
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // non-POSIX file system
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      stored.store(
          out, "Worklane demo accounts (embedded default only). Delete with the database.");
    }
  }
}
