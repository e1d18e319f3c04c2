package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The queue dashboard in a real browser ("tested with headless Chromium"), against the real engine:
 * an admin logs in through the session login, finds a failed job, opens its stack trace, retries it
 * and sees it complete. Needs the system's Chromium and its driver, which {@link TestChromium}
 * installs when missing (as root, with apt-get); without them the test fails: it is never skipped.
 */
class QueueDashboardBrowserIT extends QueueDashboardTest {
  static final Path CHROMIUM = TestChromium.CHROMIUM;
  static final Path CHROMEDRIVER = TestChromium.CHROMEDRIVER;
  static final Duration PATIENCE = Duration.ofSeconds(30);

  Path profile;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void startChromium() throws IOException {
    TestChromium.ensureInstalled();
    assertThat(CHROMIUM)
        .as(
            "Chromium for the dashboard's browser test (apt-get install -y chromium chromium-driver)")
        .isExecutable();
    assertThat(CHROMEDRIVER).as("chromedriver (apt-get install -y chromium-driver)").isExecutable();
    profile = Files.createTempDirectory("worklane-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, PATIENCE, Duration.ofMillis(200));
    // The page re-renders its tables on every refresh: an element found a moment ago may be gone.
    wait.ignoring(StaleElementReferenceException.class);
  }

  @AfterEach
  void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void anAdminOpensAFailedJobsStackTraceRetriesItAndSeesItComplete() {
    String id = FlakyJobs.failingId();
    FlakyJobs.enqueue(jobs, id, Duration.ZERO);
    // Without a session the dashboard sends the browser to the login form, which comes back.
    browser.get(url("/admin/queues"));
    wait.until(ExpectedConditions.urlToBe(url("/admin/login")));
    byTestId("login-email").sendKeys(adminAccount());
    byTestId("login-password").sendKeys("not the password");
    click(testId("login-submit"));
    wait.until(ExpectedConditions.textToBe(testId("login-error"), "Wrong email or password."));
    byTestId("login-password").clear();
    byTestId("login-password").sendKeys(PASSWORD);
    click(testId("login-submit"));
    // The dashboard keeps its view in the fragment (#queue=…&state=…) once it has loaded.
    wait.until(ExpectedConditions.urlMatches("/admin/queues(#.*)?$"));
    assertThat(browser.getTitle()).contains("Queues");
    // Drained: the failed login's 401 is in the console log on purpose.
    browser.manage().logs().get(LogType.BROWSER);
    // The job may still be running when the page loads: the page refreshes itself every 5 s.
    String failedCount = "count-" + FlakyJobs.QUEUE + "-failed";
    wait.until(ExpectedConditions.visibilityOfElementLocated(testId(failedCount)));
    wait.until(d -> Integer.parseInt(byTestId(failedCount).getText()) > 0);
    click(testId(failedCount));

    click(By.cssSelector("[data-testid='job-row'][data-job-id='" + id + "']"));
    wait.until(ExpectedConditions.textToBe(testId("detail-id"), id));
    assertThat(byTestId("detail-state").getText()).isEqualTo("failed");
    assertThat(byTestId("detail-attempts").getText()).isEqualTo("1 of 1");
    assertThat(byTestId("detail-logs").getText()).contains("attempt 1 of 1");
    assertThat(byTestId("detail-data").getText())
        .as("job data is shown as text, never as markup")
        .contains("<script>alert(1)</script>");

    WebElement trace = byTestId("stacktrace-text");
    assertThat(trace.isDisplayed()).as("the stack trace opens on click").isFalse();
    click(testId("stacktrace-toggle"));
    wait.until(ExpectedConditions.visibilityOf(trace));
    assertThat(trace.getTagName()).isEqualTo("pre");
    assertThat(trace.getText())
        .contains("java.lang.IllegalStateException")
        .contains("<b>" + id + "</b>");

    FlakyJobs.heal(id);
    click(testId("action-retry"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("notice"), "retried"));
    wait.until(ExpectedConditions.textToBe(testId("detail-state"), "completed"));
    assertThat(byTestId("detail-progress").getText()).isEqualTo("100 %");
    assertThat(byTestId("detail-logs").getText()).contains("done");
    assertThat(byTestId("action-retry").isEnabled()).isFalse();
    assertThat(byTestId("error").isDisplayed()).isFalse();
    assertThat(browserProblems()).as("script errors or CSP violations").isEmpty();

    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBe(testId("detail-id"), id));
    assertThat(byTestId("detail-state").getText())
        .as("a reload shows the same job (the selection lives in the URL fragment)")
        .isEqualTo("completed");

    click(testId("log-out"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("notice"), "Logged out"));
    click(testId("refresh"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(testId("error"), "Not logged in"));
  }

  private List<String> browserProblems() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .toList();
  }

  /** Clicks what {@code locator} finds once it is visible and enabled, finding it afresh. */
  private void click(By locator) {
    wait.until(
        d -> {
          WebElement element = d.findElement(locator);
          if (!element.isDisplayed() || !element.isEnabled()) {
            return false;
          }
          element.click();
          return true;
        });
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid='" + id + "']");
  }

  private WebElement byTestId(String id) {
    return browser.findElement(testId(id));
  }
}
