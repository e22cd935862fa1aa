package org.openair.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openair.support.Api.asAdmin;
import static org.openair.support.Api.eml;
import static org.openair.support.Api.ingest;
import static org.openair.support.Api.pendingActionIds;
import static org.openair.support.Api.report;
import static org.openair.support.Api.settled;
import static org.openair.support.Api.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openair.support.TestRulesFolder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser: Debian's headless Chromium driven through its chromedriver.
 * Skipped, with a message, where {@code chromium} and {@code chromium-driver} are not installed.
 * Screenshots go to {@code target/screenshots}.
 */
@QuarkusTest
@QuarkusTestResource(TestRulesFolder.class)
class ConsoleBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TestHTTPResource("/")
  URL base;

  private Path profile;
  private WebDriver browser;

  @BeforeAll
  static void needsABrowser() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
            + " (apt-get install chromium chromium-driver)");
  }

  @BeforeEach
  void startBrowser() throws IOException {
    profile = Files.createTempDirectory("openair-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  @Test
  void approverApprovesAPendingActionFromTheOverviewAndTheInvestigationIsRemediated() {
    clearTheQueue();
    JsonPath inv = pendingInvestigation();
    String id = inv.getString("id");
    String first = pendingActionIds(inv).get(0);

    signIn(user("approver"));
    screenshot("overview");
    WebElement link =
        browser.findElement(By.cssSelector("a.pending-action[href$='#action-" + first + "']"));
    link.click();
    wait(5).until(ExpectedConditions.urlContains("/ui/investigations/" + id));

    browser.findElement(By.cssSelector("#action-" + first + " button.approve-one")).click();
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    // Merged when an earlier test approved the same action on the same target within the hour.
    assertThat(browser.findElement(By.id("result-" + first)).getDomAttribute("data-outcome"))
        .isIn("approved", "merged");
    screenshot("decision-results");
    List<WebElement> others = browser.findElements(By.cssSelector("input[type=checkbox][name=id]"));
    if (!others.isEmpty()) {
      others.forEach(WebElement::click);
      browser.findElement(By.cssSelector("#decide button[value=approve]")).click();
      wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
    }

    // Execution may run after the approval answers: reload until the status settles.
    wait(30)
        .pollingEvery(Duration.ofMillis(500))
        .until(
            b -> {
              b.navigate().refresh();
              return "remediated".equals(b.findElement(By.id("investigation-status")).getText());
            });
    assertThat(browser.findElement(By.cssSelector("#action-" + first + " .badge")).getText())
        .isIn("executed", "merged");
    screenshot("investigation-remediated");
    js("document.getElementById('actions').scrollIntoView()");
    screenshot("investigation-actions");
    js("document.getElementById('entities').scrollIntoView()");
    screenshot("investigation-findings");
    browser.get(url("ui/actions?view=history"));
    screenshot("action-history");
  }

  @Test
  void analystFindsNoApproveControlAndAForgedApproveIsRefused() {
    JsonPath inv = pendingInvestigation();
    String actionId = pendingActionIds(inv).get(0);

    signIn(user("analyst"));
    browser.get(url("ui/investigations/" + inv.getString("id")));
    assertThat(browser.findElements(By.cssSelector("button[value=approve], button.approve-one")))
        .isEmpty();
    assertThat(browser.findElements(By.cssSelector("input[name=id]"))).isEmpty();
    assertThat(browser.findElement(By.id("actions")).getText()).doesNotContain("Approve");
    screenshot("analyst-investigation");
    js("document.getElementById('actions').scrollIntoView()");
    screenshot("analyst-actions");

    // A valid token from the analyst's own page, on a form the page never offered.
    String token =
        browser
            .findElement(By.cssSelector("form.signout input[name=csrf]"))
            .getDomProperty("value");
    js(
        "const f = document.createElement('form');"
            + "f.method = 'post'; f.action = '/ui/actions/decide';"
            + "for (const [k, v] of [['csrf', arguments[0]], ['id', arguments[1]],"
            + " ['decision', 'approve']]) {"
            + "  const i = document.createElement('input'); i.type = 'hidden'; i.name = k;"
            + "  i.value = v; f.appendChild(i); }"
            + "document.body.appendChild(f); f.submit();",
        token,
        actionId);
    wait(10).until(ExpectedConditions.titleContains("Not allowed"));
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Your role does not allow this");
    assertThat(status(actionId)).isEqualTo("pending");
  }

  @Test
  void auditorOpensTheRuleTextOfAFinding() {
    JsonPath inv = pendingInvestigation();
    signIn(user("auditor"));
    browser.get(url("ui/investigations/" + inv.getString("id")));
    WebElement rule = browser.findElement(By.cssSelector("a.rule-link"));
    String ruleId = rule.getText();
    rule.click();
    wait(5).until(ExpectedConditions.urlContains("/ui/rules/sets/" + inv.getString("ruleSetId")));
    WebElement start = browser.findElement(By.id("rule-" + ruleId));
    assertThat(start.getText()).contains("rule \"");
    assertThat(browser.findElement(By.cssSelector("pre.source")).getText()).contains(ruleId);
    screenshot("auditor-rule-text");
  }

  @Test
  void formPostedWithoutTheCsrfTokenIsRefused() {
    JsonPath inv = pendingInvestigation();
    String actionId = pendingActionIds(inv).get(0);
    signIn(user("approver"));
    browser.get(url("ui/investigations/" + inv.getString("id")));
    js("document.querySelectorAll('#decide input[name=csrf]').forEach(i => i.remove());");
    browser.findElement(By.cssSelector("input[name=id][value='" + actionId + "']")).click();
    browser.findElement(By.cssSelector("#decide button[value=approve]")).click();
    wait(10)
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), "security token"));
    assertThat(status(actionId)).isEqualTo("pending");
  }

  private void signIn(String user) {
    browser.get(url("login"));
    browser.findElement(By.id("j_username")).sendKeys(user);
    browser.findElement(By.id("j_password")).sendKeys(user + "-password-123");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.signout")));
  }

  /** Rejects whatever other tests left pending, so the overview's short list shows this test's. */
  private static void clearTheQueue() {
    List<String> pending =
        asAdmin()
            .queryParam("status", "pending")
            .queryParam("size", 1000)
            .get("/api/v1/actions")
            .jsonPath()
            .getList("id");
    for (String id : pending) {
      asAdmin()
          .contentType(ContentType.JSON)
          .body("{\"comment\":\"cleared for the browser test\"}")
          .post("/api/v1/actions/" + id + "/reject");
    }
  }

  private static JsonPath pendingInvestigation() {
    // Mailboxes the mail lab knows, so that with the lab up its IMAP and SMTP connectors can
    // carry the approved actions out (the copies, ingested over the API, are already gone).
    String messageId = ingest(eml("reported-phish.eml"), "alice@corp.example", "bob@corp.example");
    return settled(report(messageId, "alice@corp.example"));
  }

  private static String status(String actionId) {
    return asAdmin().get("/api/v1/actions/" + actionId).jsonPath().getString("status");
  }

  private String url(String path) {
    return base.toString() + path;
  }

  private WebDriverWait wait(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
