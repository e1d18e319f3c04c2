package dev.worklane.bootstrap;

import dev.worklane.bootstrap.db.DatabaseConfiguration.DemoAccountsHolder;
import dev.worklane.bootstrap.db.DatabaseEndpoint;
import dev.worklane.bootstrap.db.DemoAccounts;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints where Worklane listens and, in the embedded default only, the demo credentials. Written to
 * the console directly, not through the logger, so that log shipping never carries them.
 */
@Component
class StartupBanner {
  private final DatabaseEndpoint database;
  private final DemoAccountsHolder demo;

  StartupBanner(DatabaseEndpoint database, DemoAccountsHolder demo) {
    this.database = database;
    this.demo = demo;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    int port =
        event.getApplicationContext() instanceof WebServerApplicationContext web
            ? web.getWebServer().getPort()
            : -1;
    StringBuilder out =
        new StringBuilder("\n  Worklane is up: http://localhost:").append(port).append('\n');
    out.append("  Database: ")
        .append(database.embedded() ? "embedded PostgreSQL " : "")
        .append(database.url())
        .append('\n');
    if (database.embedded() && demo.accounts().isPresent()) {
      DemoAccounts accounts = demo.accounts().get();
      out.append("  Demo accounts (embedded default only):\n");
      for (String role : DemoAccounts.ROLES) {
        out.append(
            String.format("    %-24s %s%n", DemoAccounts.email(role), accounts.password(role)));
      }
    }
    System.out.println(out);
  }
}
